import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, apiUrl, errorFromResponse, newIdempotencyKey, pickLanguage, request } from './api';
import { stubFetch } from './test/helpers';

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
    const created = await api.submitRequest({ category: 'noise', description: '楼上装修太吵' }, 'key-1');
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
    await expect(api.redeem(1, 2, 1, 'k')).rejects.toMatchObject({ status: 409, code: 'insufficient_points' });
  });
  it('turns a failed connection into a network error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(request('/me')).rejects.toMatchObject({ status: 0, code: 'network' });
  });
  it('encodes the tracking code into the path', async () => {
    const { calls } = stubFetch({ 'GET /api/v1/track/AB%2FC': { body: {} } });
    await api.track('AB/C');
    expect(calls[0].url).toBe('/api/v1/track/AB%2FC');
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
