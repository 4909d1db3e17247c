// The one way this application talks to the Gongzhi JSON API (/api/v1). Every call goes
// through `send`, which carries the session cookie (the server sets it HttpOnly at login, so
// the page never handles the token), turns the server's {"error": {"code", "message"}} bodies
// and network failures into ApiError exceptions that views can show next to the field, and
// sets the page's clock to the server's from each response (composables/now.ts). `request`
// sends JSON; `upload` sends a file as the raw body. The endpoints themselves live beside this
// file, one module per server module (api/points.ts for /api/v1/points/…).
import { noteServerDate } from '../composables/now';
import { noteAnswerSource } from '../composables/offline';

export class ApiError extends Error {
  /** HTTP status, or 0 when the server could not be reached. */
  readonly status: number;
  /** The server's snake_case code ("invalid_credentials"), or "network" / "http_<status>". */
  readonly code: string;
  /** The error body's "details", when the server sent some (an import's row report). */
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Sent as Idempotency-Key so a retried write is applied once (composables/idempotent.ts). */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Path prefix; API_BASE unless the route was published outside /api/v1. */
  base?: string;
}

export interface UploadOptions {
  query?: Record<string, QueryValue>;
  /** The body's media type; the file's own type when left out. */
  contentType?: string;
}

export const API_BASE = '/api/v1';

/** Builds "/api/v1/path?x=1", leaving out empty query values. */
export function apiUrl(path: string, query?: Record<string, QueryValue>, base = API_BASE): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const search = params.toString();
  return base + path + (search ? `?${search}` : '');
}

/** The error a non-2xx response stands for, read from its JSON body when it has one. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): fall back to the status line.
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string') {
    const message = typeof error.message === 'string' ? error.message : error.code;
    return new ApiError(response.status, error.code, message, error.details);
  }
  return new ApiError(
    response.status,
    `http_${response.status}`,
    response.statusText || `HTTP ${response.status}`,
  );
}

async function send<T>(path: string, options: RequestOptions, body?: BodyInit, contentType?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (contentType) headers['Content-Type'] = contentType;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query, options.base), {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', 'the server could not be reached');
  }
  noteServerDate(response.headers?.get('Date'));
  // The service worker's saved copy when the network failed (public/sw.js): the banner says so.
  noteAnswerSource(response.headers);
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A JSON call: `body`, when given, is sent as JSON (and makes it a POST unless told). */
export function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  if (options.body === undefined) return send<T>(path, options);
  return send<T>(path, options, JSON.stringify(options.body), 'application/json');
}

/**
 * POSTs a file as the raw body, untouched (a CSV in whatever encoding the spreadsheet saved,
 * a photo's bytes): the routes that take one read bytes, not JSON.
 */
export function upload<T>(path: string, file: Blob, options: UploadOptions = {}): Promise<T> {
  const contentType = options.contentType ?? (file.type || 'application/octet-stream');
  return send<T>(path, { method: 'POST', query: options.query }, file, contentType);
}

/**
 * Server messages are often bilingual, "中文 / English"; this picks the half for the page's
 * language and leaves one-language messages as they are.
 */
export function pickLanguage(message: string, locale: string): string {
  const hasChinese = (text: string) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(text);
  // The separator is "/ " after the Chinese part (sometimes without a space before it, as
  // after a full-width bracket), and the English part has no Chinese characters.
  for (let at = message.indexOf('/ '); at >= 0; at = message.indexOf('/ ', at + 1)) {
    const chinese = message.slice(0, at).trim();
    const english = message.slice(at + 2).trim();
    if (chinese && english && hasChinese(chinese) && !hasChinese(english)) {
      return locale.startsWith('zh') ? chinese : english;
    }
  }
  return message;
}

/**
 * A random key for Idempotency-Key; crypto.randomUUID needs a secure context, this does not.
 * Views do not call it: useIdempotentAction (composables/idempotent.ts) decides when a user's
 * action needs a new one.
 */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** One page of a paged list (requests, households). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}
