import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../test/helpers';
import { pbApi } from './pb';

const election = (id: number, community_id = 1) => ({ id, community_id, name: `第 ${id} 次`, voting: 'open' });

describe('pbApi.elections', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('uses the list when the server has one', async () => {
    const { calls } = stubFetch({ 'GET /api/v1/pb/elections': { body: { items: [election(2), election(1)] } } });
    expect((await pbApi.elections(1)).map((e) => e.id)).toEqual([2, 1]);
    expect(calls[0].url).toBe('/api/v1/pb/elections?community_id=1');
  });

  it('reads elections by id while the server has no list, keeping the community’s, newest first', async () => {
    const { calls } = stubFetch({
      'GET /api/v1/pb/elections': { status: 405, body: { error: { code: 'method_not_allowed', message: '' } } },
      'GET /api/v1/pb/elections/1': { body: election(1) },
      'GET /api/v1/pb/elections/2': { body: election(2, 7) },
      // 3 is another community's (404 here), then 4 is ours again.
      'GET /api/v1/pb/elections/4': { body: election(4) },
    });
    expect((await pbApi.elections(1)).map((e) => e.id)).toEqual([4, 1]);
    // It stops after five ids in a row it cannot see.
    expect(calls[calls.length - 1]?.url).toBe('/api/v1/pb/elections/9');
  });

  it('passes other failures on', async () => {
    stubFetch({ 'GET /api/v1/pb/elections': { status: 500, body: { error: { code: 'internal', message: 'boom' } } } });
    await expect(pbApi.elections(1)).rejects.toMatchObject({ status: 500 });
  });
});
