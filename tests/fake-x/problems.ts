// Error bodies exactly as X shapes them, so client code that parses errors is tested against
// the real thing. v2 answers RFC 7807-style "problem" objects; v1.1 and /oauth answer the
// older `{ errors: [{ code, message }] }` list.
import type { ErrorV1, ErrorV2, InlineErrorV2 } from 'twitter-api-v2';

export interface Problem {
  title: string;
  detail: string;
  type: string;
  status?: number;
  [extra: string]: unknown;
}

export interface ApiError {
  status: number;
  body: Problem | ErrorV2 | { errors: ErrorV1[] } | { error: string; error_description: string };
}

/** Thrown by handlers; the server turns it into the response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError['body'],
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

/**
 * Where X's problem types live, as its OpenAPI description (v2.167) lists them. Older answers
 * said api.twitter.com; client-forbidden, which the description does not list, still does.
 */
export const PROBLEM_TYPES = 'https://api.x.com/2/problems/';

const blank = (status: number, title: string, detail: string): HttpError =>
  new HttpError(status, { title, type: 'about:blank', status, detail });

export const unauthorizedV2 = (): HttpError => blank(401, 'Unauthorized', 'Unauthorized');

export const forbidden = (detail = 'Forbidden'): HttpError => blank(403, 'Forbidden', detail);

/** An endpoint that takes only OAuth 2.0 (user or app-only) called with an OAuth 1.0a signature. */
export const unsupportedAuthentication = (supported: string): HttpError =>
  new HttpError(403, {
    title: 'Unsupported Authentication',
    detail: `Authenticating with OAuth 1.0a User Context is forbidden for this endpoint.  Supported authentication types are [${supported}].`,
    type: `${PROBLEM_TYPES}unsupported-authentication`,
    status: 403,
  });

export const tooManyRequests = (): HttpError => blank(429, 'Too Many Requests', 'Too Many Requests');

export const notFoundRoute = (): HttpError =>
  new HttpError(404, { errors: [{ code: 34, message: 'Sorry, that page does not exist.' }] });

export const duplicateContent = (): HttpError =>
  forbidden('You are not allowed to create a Tweet with duplicate content.');

/** v1.1 and /oauth/* endpoints: code 32 for a failed signature, 89 for a bad token. */
export const couldNotAuthenticate = (): HttpError =>
  new HttpError(401, { errors: [{ code: 32, message: 'Could not authenticate you.' }] });

export const invalidOrExpiredToken = (): HttpError =>
  new HttpError(401, { errors: [{ code: 89, message: 'Invalid or expired token.' }] });

/** 400 with the parameter list X gives for a malformed request. */
export const invalidRequest = (parameter: string, values: string[], message: string): HttpError => {
  const body: ErrorV2 = {
    errors: [{ parameters: { [parameter]: values }, message }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: `${PROBLEM_TYPES}invalid-request`,
  };
  return new HttpError(400, body);
};

/** What X answers when the app's access level does not include the endpoint (e.g. users/search). */
export const clientNotEnrolled = (clientId: string): HttpError =>
  new HttpError(403, {
    client_id: clientId,
    detail:
      'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.',
    registration_url: 'https://developer.twitter.com/en/docs/projects/overview',
    title: 'Client Forbidden',
    required_enrollment: 'Appropriate Level of API Access',
    reason: 'client-not-enrolled',
    type: 'https://api.twitter.com/2/problems/client-forbidden',
  });

/** OAuth 2.0 token endpoint errors (RFC 6749 section 5.2 shape, as X sends them). */
export const oauth2Error = (description: string, error = 'invalid_request', status = 400): HttpError =>
  new HttpError(status, { error, error_description: description });

/** Inline "not found" entries that sit beside partial `data` with a 200 status. */
export const resourceNotFound = (
  resource: 'user' | 'tweet',
  parameter: string,
  value: string,
): InlineErrorV2 => ({
  value,
  detail: `Could not find ${resource} with ${parameter}: [${value}].`,
  title: 'Not Found Error',
  resource_type: resource,
  parameter,
  resource_id: value,
  type: `${PROBLEM_TYPES}resource-not-found`,
});

/**
 * Inline entry for a suspended account: X keeps the "resource-not-found" type but titles it
 * "Forbidden" and says why. A deactivated account is answered with `resourceNotFound` instead.
 */
export const userSuspended = (parameter: string, value: string): InlineErrorV2 => ({
  value,
  detail: `User has been suspended: [${value}].`,
  title: 'Forbidden',
  resource_type: 'user',
  parameter,
  resource_id: value,
  type: `${PROBLEM_TYPES}resource-not-found`,
});

/** The inline entry X gives for a user lookup that found nobody it may show. */
export const userLookupError = (
  user: { suspended?: boolean } | undefined,
  parameter: string,
  value: string,
): InlineErrorV2 =>
  user?.suspended ? userSuspended(parameter, value) : resourceNotFound('user', parameter, value);
