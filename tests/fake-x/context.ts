// What a route handler gets and gives back. Handlers return a Reply and never write to the
// socket themselves, so the server can add rate-limit headers, faults and the call log uniformly.
import type { IncomingMessage } from 'node:http';
import type { Pair } from './http-util';

export interface RequestContext {
  req: IncomingMessage;
  method: string;
  /** path without the query string */
  path: string;
  query: Pair[];
  /** decoded body when it was application/x-www-form-urlencoded */
  form: Pair[];
  /** parsed body when it was JSON */
  json: unknown;
  /** scheme://host the client addressed (e.g. https://api.x.com), for absolute URLs in answers */
  origin: string;
  params: Record<string, string>;
  /** route template, e.g. 'GET /2/users/:id' */
  endpoint: string;
  /** set once the request is authenticated, for the call log and per-user rate limits */
  userId?: string;
  /** extra response headers (rate limits) */
  headers: Record<string, string>;
}

export type Reply =
  | { kind: 'json'; status: number; body: unknown }
  | { kind: 'form'; status: number; body: string }
  | { kind: 'html'; status: number; body: string }
  | { kind: 'png'; body: Buffer }
  | { kind: 'redirect'; location: string };

export const json = (body: unknown, status = 200): Reply => ({ kind: 'json', status, body });
export const html = (body: string, status = 200): Reply => ({ kind: 'html', status, body });

export function queryValue(ctx: RequestContext, name: string): string | undefined {
  return ctx.query.find(([key]) => key === name)?.[1];
}

/** A value from a form body or a JSON body (X's v2 token endpoints take either). */
export function bodyValue(ctx: RequestContext, name: string): string | undefined {
  const fromForm = ctx.form.find(([key]) => key === name)?.[1];
  if (fromForm !== undefined) return fromForm;
  if (ctx.json && typeof ctx.json === 'object' && name in ctx.json) {
    const value = (ctx.json as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}
