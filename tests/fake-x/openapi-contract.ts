// X's official OpenAPI description of API v2, loaded once and used to judge the emulator: which
// response schema an answer must match, and which parameter values an operation allows.
//
// The description renames the wire's "tweet" words to "post" words on the regular endpoints
// (`post.fields`, `note_post`, `referenced_posts`, `includes.posts`, …) while X itself, its docs,
// twitter-api-v2 and the stream endpoints of the same file use the tweet names. Requests and
// answers therefore travel with the tweet names and are mapped to the file's names only here.
import { readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { resolve } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';

// ajv-formats is CommonJS: its default export arrives wrapped under Node's ESM interop.
const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ??
  addFormatsImport) as typeof addFormatsImport;

/**
 * X's official OpenAPI description of API v2 (info.version 2.167, the one X's own SDK pins),
 * kept as X publishes it so the contract test runs on any clean checkout.
 */
export const X_OPENAPI_PATH = resolve(import.meta.dirname, 'x-openapi.json');

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required?: boolean;
  schema: Json;
}

interface Operation {
  operationId: string;
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
}

interface Description {
  info: { version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; parameters: Record<string, Parameter> };
}

/** Wire (tweet) names → the description's (post) names, for keys of answer objects. */
const ANSWER_KEYS: Record<string, string> = {
  note_tweet: 'note_post',
  referenced_tweets: 'referenced_posts',
  pinned_tweet_id: 'pinned_post_id',
  most_recent_tweet_id: 'most_recent_post_id',
  edit_history_tweet_ids: 'edit_history_post_ids',
  tweet_count: 'post_count',
  total_tweet_count: 'total_post_count',
  retweet_count: 'repost_count',
};

/** The description's (post) names → wire names, for parameter names and values. */
const PARAMETER_WORDS: Record<string, string> = {
  'post.fields': 'tweet.fields',
  note_post: 'note_tweet',
  referenced_posts: 'referenced_tweets.id',
  edit_history_post_ids: 'edit_history_tweet_ids',
  most_recent_post_id: 'most_recent_tweet_id',
  pinned_post_id: 'pinned_tweet_id',
};

/**
 * RFC 7807 (problem details): every member is optional there; X always sends `type` and
 * `title`. A problem of type about:blank (§4.2) is its HTTP status alone, so it must carry the
 * status and the status's own phrase as title (checked in `checkAnswer`).
 */
const HTTP_PROBLEM: Json = {
  type: 'object',
  required: ['type', 'title'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string', minLength: 1 },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
  },
};

export interface Answer {
  status: number;
  /** the Content-Type header, parameters included */
  contentType: string;
  body: unknown;
}

export interface Verdict {
  /** problems found, as "path: message" lines; empty when the answer matches */
  errors: string[];
  /** which schema judged it: a components name, or "RFC 7807" for types the file does not list */
  schema: string;
}

/** An operation found by method and a concrete wire path like `/2/users/123/tweets`. */
export interface XOperation {
  method: string;
  template: string;
  operationId: string;
  /** every parameter, `$ref`s resolved, names as the file spells them */
  parameters: Parameter[];
}

/**
 * The loaded description. Throws when the file is missing or is not X's v2 description.
 * Schemas are compiled by Ajv with OpenAPI's formats (int32, int64, date-time…) and `nullable`.
 */
export class XOpenApi {
  readonly version: string;
  private readonly description: Description;
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  /** problem `type` URIs the description's Problem schema knows */
  readonly problemTypes: Set<string>;

  constructor(path = X_OPENAPI_PATH) {
    const text = readFileSync(path, 'utf8');
    this.description = JSON.parse(text) as Description;
    if (!this.description.paths?.['/2/users/me']) throw new Error(`${path} is not X's API v2 description`);
    this.version = this.description.info.version;
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'x-openapi', components: this.description.components });
    const mapping = (this.description.components.schemas.Problem?.discriminator as Json | undefined)
      ?.mapping as Record<string, string> | undefined;
    this.problemTypes = new Set(Object.keys(mapping ?? {}));
  }

  /** The operation a wire request reaches, or undefined when the description has none. */
  operation(method: string, wirePath: string): XOperation | undefined {
    const verb = method.toLowerCase();
    for (const [template, item] of Object.entries(this.description.paths)) {
      const op = item[verb];
      if (!op) continue;
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      if (!pattern.test(wirePath)) continue;
      // A literal path (users/search, users/me) wins over a template (users/{id}).
      const literal = this.description.paths[wirePath]?.[verb];
      const chosen = literal ?? op;
      return {
        method: verb.toUpperCase(),
        template: literal ? wirePath : template,
        operationId: chosen.operationId,
        parameters: (chosen.parameters ?? []).map((p) =>
          '$ref' in p ? this.parameterRef(p.$ref) : p,
        ) as Parameter[],
      };
    }
    return undefined;
  }

  /**
   * Every value a comma-list parameter (`tweet.fields`, `user.fields`, `expansions`…) accepts on
   * the wire: the operation's own list with tweet names, plus the wire names the same file's
   * stream endpoints give for the same objects (author_id, referenced_tweets… which the
   * renamed lists dropped). `[]` when the operation has no such parameter.
   */
  wireValues(op: XOperation, wireName: string): string[] {
    const parameter = op.parameters.find((p) => (PARAMETER_WORDS[p.name] ?? p.name) === wireName);
    const items = (parameter?.schema.items as Json | undefined)?.enum as string[] | undefined;
    if (!items) return [];
    const values = new Set(items.map((v) => PARAMETER_WORDS[v] ?? v));
    const postExpansions = items.includes('author_id');
    const streamKey =
      wireName === 'expansions'
        ? postExpansions
          ? 'tweet-expansions'
          : undefined
        : wireName === 'tweet.fields' || wireName === 'user.fields'
          ? wireName
          : undefined;
    for (const v of streamKey ? this.streamVocabulary(streamKey) : []) values.add(v);
    return [...values].sort();
  }

  /** The file's schema for one parameter, for judging a value the emulator hands out (a token). */
  parameterSchema(op: XOperation, wireName: string): Json | undefined {
    return op.parameters.find((p) => (PARAMETER_WORDS[p.name] ?? p.name) === wireName)?.schema;
  }

  /** Checks a value against a parameter's schema (refs resolved); returns the problems. */
  checkParameter(op: XOperation, wireName: string, value: unknown): string[] {
    const schema = this.parameterSchema(op, wireName);
    if (!schema) return [`${op.operationId} has no parameter ${wireName}`];
    return this.run(JSON.stringify(schema), { ...this.rebase(schema) }, value);
  }

  /** Checks a JSON request body against the operation's request body schema. */
  checkRequestBody(method: string, wirePath: string, body: unknown): string[] {
    const op = this.rawOperation(method, wirePath);
    const schema = op?.requestBody?.content['application/json']?.schema;
    if (!schema) return [`${method} ${wirePath} takes no JSON body in the description`];
    return this.run(`body ${method} ${wirePath}`, this.rebase(schema), body);
  }

  /**
   * Judges one answer of the emulator: the status's own response (or `default`), the media type
   * it was sent as, names mapped to the file's words. Problem bodies whose `type` the file does
   * not list (about:blank for 401/403/429, client-forbidden) are held to RFC 7807 instead, and
   * say so in `schema`, so a test can insist on exactly which ones those are.
   */
  checkAnswer(method: string, wirePath: string, answer: Answer): Verdict {
    const op = this.rawOperation(method, wirePath);
    if (!op) return { errors: [`no operation ${method} ${wirePath} in the description`], schema: '' };
    const response = op.responses[String(answer.status)] ?? op.responses.default;
    if (!response) return { errors: [`status ${answer.status} is not described`], schema: '' };
    const mediaType = answer.contentType.split(';')[0]?.trim() ?? '';
    const schema = response.content?.[mediaType]?.schema;
    if (!schema) {
      const allowed = Object.keys(response.content ?? {}).join(', ');
      return { errors: [`media type ${mediaType} is not one of [${allowed}]`], schema: '' };
    }
    const body = toDescriptionWords(answer.body);
    const name = typeof schema.$ref === 'string' ? (schema.$ref.split('/').pop() ?? '') : 'inline';
    if (name === 'Problem') {
      const type = (body as Json | null)?.type;
      if (typeof type !== 'string' || !this.problemTypes.has(type)) {
        const errors = this.run('RFC 7807', HTTP_PROBLEM, body);
        const { status, title } = (body ?? {}) as Json;
        if (status !== undefined && status !== answer.status)
          errors.push(`/status: ${String(status)} differs from the HTTP status ${answer.status}`);
        if (type === 'about:blank' && status === undefined) errors.push('/: about:blank needs a status');
        if (type === 'about:blank' && title !== STATUS_CODES[answer.status])
          errors.push(`/title: about:blank must be titled "${STATUS_CODES[answer.status]}"`);
        return { errors, schema: 'RFC 7807' };
      }
    }
    return { errors: this.run(name, this.rebase(schema), body), schema: name };
  }

  private rawOperation(method: string, wirePath: string): Operation | undefined {
    const found = this.operation(method, wirePath);
    return found ? this.description.paths[found.template]?.[method.toLowerCase()] : undefined;
  }

  private parameterRef(ref: string): Parameter {
    const name = ref.split('/').pop() ?? '';
    const parameter = this.description.components.parameters[name];
    if (!parameter) throw new Error(`unresolved parameter ${ref}`);
    return parameter;
  }

  /** Wire names of the stream endpoints' lists, which keep X's own words. */
  private streamVocabulary(kind: 'tweet.fields' | 'user.fields' | 'tweet-expansions'): string[] {
    const found = new Set<string>();
    for (const [template, item] of Object.entries(this.description.paths)) {
      if (!template.endsWith('/stream')) continue;
      for (const op of Object.values(item)) {
        for (const raw of op.parameters ?? []) {
          if ('$ref' in raw) continue;
          const values = (raw.schema.items as Json | undefined)?.enum as string[] | undefined;
          if (!values) continue;
          const matches =
            kind === 'tweet-expansions'
              ? raw.name === 'expansions' && values.includes('referenced_tweets.id')
              : raw.name === kind;
          if (matches) for (const v of values) found.add(v);
        }
      }
    }
    return [...found];
  }

  /** Points a schema's local `#/components/…` refs at the registered description. */
  private rebase(schema: Json): Json {
    return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"x-openapi#/components/')) as Json;
  }

  private run(key: string, schema: Json, value: unknown): string[] {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(key, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map(describe);
  }
}

function describe(error: ErrorObject): string {
  const extra = error.keyword === 'enum' ? ` ${JSON.stringify(error.params)}` : '';
  return `${error.instancePath || '/'}: ${error.message ?? error.keyword}${extra}`;
}

/** A copy of an answer with X's wire (tweet) keys renamed to the description's (post) keys. */
export function toDescriptionWords(value: unknown, parentKey = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => toDescriptionWords(item, parentKey));
  if (!value || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, inner] of Object.entries(value)) {
    const renamed = parentKey === 'includes' && key === 'tweets' ? 'posts' : (ANSWER_KEYS[key] ?? key);
    out[renamed] = toDescriptionWords(inner, key);
  }
  return out;
}
