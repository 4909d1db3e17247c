import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiUrl, errorFromResponse, newIdempotencyKey, pickLanguage, request, upload } from './client';
import { pointsApi } from './points';
import { requestsApi } from './requests';
import { stubFetch } from '../test/helpers';

afterEach(() => vi.unstubAllGlobals());

describe('apiUrl', () => {
  it('leaves out empty query values', () => {
    expect(apiUrl('/requests', { community_id: 1, status: '', overdue: undefined, page: 2 })).toBe(
      '/api/v1/requests?community_id=1&page=2',
    );
  });
  it('encodes Chinese search text', () => {
    expect(apiUrl('/households', { q: '张' })).toBe('/api/v1/households?q=%E5%BC%A0');
  });
});

describe('errorFromResponse', () => {
  it('reads the code and message of an error body', async () => {
    const response = new Response(
      JSON.stringify({ error: { code: 'invalid_credentials', message: 'wrong username or password' } }),
      { status: 401 },
    );
    const error = await errorFromResponse(response);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(401);
    expect(error.code).toBe('invalid_credentials');
    expect(error.message).toBe('wrong username or password');
  });
  it('falls back to the status when the body is not JSON', async () => {
    const error = await errorFromResponse(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(error.code).toBe('http_502');
    expect(error.message).toBe('Bad Gateway');
  });
});

describe('request', () => {
  it('sends JSON with the session cookie and an idempotency key', async () => {
    const { calls } = stubFetch({ 'POST /api/v1/requests': { status: 201, body: { id: 7 } } });
    const created = await requestsApi.submitRequest({ category: 'noise', description: '楼上装修太吵' }, 'key-1');
    expect(created).toEqual({ id: 7 });
    const init = calls[0].init!;
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['Idempotency-Key']).toBe('key-1');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual({ category: 'noise', description: '楼上装修太吵' });
  });
  it('throws the server error as an ApiError', async () => {
    stubFetch({
      'POST /api/v1/points/redemptions': {
        status: 409,
        body: { error: { code: 'insufficient_points', message: 'not enough points' } },
      },
    });
    await expect(pointsApi.redeem(1, 2, 1, 'k')).rejects.toMatchObject({ status: 409, code: 'insufficient_points' });
  });
  it('turns a failed connection into a network error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(request('/me')).rejects.toMatchObject({ status: 0, code: 'network' });
  });
  it('encodes the tracking code into the path', async () => {
    const { calls } = stubFetch({ 'GET /api/v1/track/AB%2FC': { body: {} } });
    await requestsApi.track('AB/C');
    expect(calls[0].url).toBe('/api/v1/track/AB%2FC');
  });
});

describe('upload', () => {
  it('sends the file as the raw body in its own type, with the session cookie', async () => {
    const { calls } = stubFetch({ 'POST /api/v1/requests/42/photos': { status: 201, body: { n: 1 } } });
    const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
    expect(await upload('/requests/42/photos', photo)).toEqual({ n: 1 });
    const init = calls[0].init!;
    expect(init.method).toBe('POST');
    expect(init.body).toBe(photo);
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('image/jpeg');
  });
  it('sends the type it is told, and the query', async () => {
    const { calls } = stubFetch({ 'POST /api/v1/households/import': { body: {} } });
    await upload('/households/import', new Blob(['户号\n']), { contentType: 'text/csv', query: { community_id: 1, dry_run: undefined } });
    expect(calls[0].url).toBe('/api/v1/households/import?community_id=1');
    expect((calls[0].init?.headers as Record<string, string>)['Content-Type']).toBe('text/csv');
  });
  it('throws the server error with its details', async () => {
    const details = { rows: 1, errors: [{ line: 2, column: '身份证号', code: 'invalid_id_number', message: 'bad' }] };
    stubFetch({
      'POST /api/v1/households/import': { status: 422, body: { error: { code: 'import_failed', message: 'x', details } } },
    });
    await expect(upload('/households/import', new Blob(['x']), { contentType: 'text/csv' })).rejects.toMatchObject({
      status: 422,
      code: 'import_failed',
      details,
    });
  });
  it('turns a failed connection into a network error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(upload('/requests/1/photos', new Blob(['x'], { type: 'image/png' }))).rejects.toMatchObject({
      status: 0,
      code: 'network',
    });
  });
});

describe('pickLanguage', () => {
  const message = '查询码有误，请核对（9 位，如 ABCD-EFGH2）/ this tracking code has a typo: check it (9 symbols, like ABCD-EFGH2)';
  it('picks the Chinese half for Chinese pages', () => {
    expect(pickLanguage(message, 'zh-CN')).toBe('查询码有误，请核对（9 位，如 ABCD-EFGH2）');
  });
  it('picks the English half for English pages', () => {
    expect(pickLanguage(message, 'en')).toBe('this tracking code has a typo: check it (9 symbols, like ABCD-EFGH2)');
  });
  it('leaves a one-language message with a slash alone', () => {
    expect(pickLanguage('give either a / b', 'zh-CN')).toBe('give either a / b');
  });
});

describe('newIdempotencyKey', () => {
  it('gives a fresh 32-hex-digit key each time', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});

describe('pickLanguage with spaced separators', () => {
  it('splits "中文 / English"', () => {
    expect(pickLanguage('没有这个查询码的诉求 / no request has this tracking code', 'en')).toBe('no request has this tracking code');
    expect(pickLanguage('没有这个查询码的诉求 / no request has this tracking code', 'zh-CN')).toBe('没有这个查询码的诉求');
  });
});
