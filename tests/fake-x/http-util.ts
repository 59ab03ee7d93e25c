// Small helpers over node:http: body reading, form/query decoding and response writing.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** One decoded name/value pair; order and duplicates are kept because OAuth 1.0a signs them all. */
export type Pair = [name: string, value: string];

/** application/x-www-form-urlencoded decoding ('+' is a space), as RFC 5849 3.4.1.3.1 requires. */
export function decodeForm(text: string): Pair[] {
  if (!text) return [];
  return text
    .split('&')
    .filter((part) => part.length > 0)
    .map((part): Pair => {
      const eq = part.indexOf('=');
      const rawName = eq === -1 ? part : part.slice(0, eq);
      const rawValue = eq === -1 ? '' : part.slice(eq + 1);
      return [safeDecode(rawName), safeDecode(rawValue)];
    });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

export function firstValue(pairs: Pair[], name: string): string | undefined {
  return pairs.find(([key]) => key === name)?.[1];
}

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new Error('body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function isFormBody(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

export function isJsonBody(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json');
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  // X labels problem bodies as application/problem+json; twitter-api-v2 parses both as JSON.
  const isProblem = status >= 400 && typeof body === 'object' && body !== null && 'type' in body;
  res.writeHead(status, {
    'content-type': isProblem ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function sendText(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
