import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ChainCheckpoint from './ChainCheckpoint.vue';
import { i18nFor, stubFetch } from '../../test/helpers';
import type { LedgerCheckpoint } from '../../api/audit';

const checkpoint: LedgerCheckpoint = {
  format: 'gongzhi-checkpoint-v1',
  algorithm: 'Ed25519',
  seq: 86187,
  hash: 'ab'.repeat(32),
  time: '2026-12-06T10:00:00.000+08:00',
  public_key: '0123456789abcdef'.repeat(4),
  signature: 'cd'.repeat(64),
};

async function mountWith(
  checkpoints: LedgerCheckpoint[],
  locale: 'zh-CN' | 'en' = 'zh-CN',
  serverKey: string | null = checkpoint.public_key,
) {
  const { calls } = stubFetch({
    'GET /api/v1/ledger/checkpoints': {
      body: {
        format: 'gongzhi-checkpoint-v1',
        algorithm: 'Ed25519',
        public_key: serverKey,
        head: { seq: 86190, hash: 'ef'.repeat(32) },
        checkpoints,
      },
    },
  });
  const wrapper = mount(ChainCheckpoint, { global: { plugins: [i18nFor(locale)] } });
  await flushPromises();
  return { wrapper, calls };
}

describe('ChainCheckpoint', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the newest checkpoint with the public key and offers it as a file', async () => {
    const { wrapper, calls } = await mountWith([checkpoint]);
    expect(calls[0].url).toContain('limit=1');
    expect(wrapper.get('[data-test="checkpoint-seq"]').text()).toBe('86187');
    expect(wrapper.get('[data-test="checkpoint-key"]').text()).toBe(
      '01234567 89abcdef 01234567 89abcdef 01234567 89abcdef 01234567 89abcdef',
    );
    expect(wrapper.get('[data-test="checkpoint-hash"]').text()).toBe(Array(8).fill('abababab').join(' '));
    const link = wrapper.get('[data-test="checkpoint-save"]');
    expect(link.attributes('download')).toBe('gongzhi-checkpoint-86187.json');
    const href = link.attributes('href') ?? '';
    expect(href.startsWith('data:application/json')).toBe(true);
    // The file is the checkpoint exactly as the server publishes it.
    const saved = JSON.parse(decodeURIComponent(href.slice(href.indexOf(',') + 1)));
    expect(saved).toEqual(checkpoint);
    expect(wrapper.text()).toContain('gongzhi ledger verify --checkpoint');
    expect(wrapper.find('[data-test="checkpoint-other-key"]').exists()).toBe(false);
  });

  it('remarks on a newest checkpoint signed with another key than the server holds now', async () => {
    const { wrapper } = await mountWith([checkpoint], 'en', 'f'.repeat(64));
    expect(wrapper.get('[data-test="checkpoint-other-key"]').text()).toContain('not signed with the server');
    expect(wrapper.get('[data-test="server-key"]').text()).toContain('ffffffff ffffffff');
  });

  it('says so when nothing has been signed yet', async () => {
    const { wrapper } = await mountWith([], 'en');
    expect(wrapper.find('[data-test="no-checkpoint"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="checkpoint-save"]').exists()).toBe(false);
    expect(wrapper.get('[data-test="server-key"]').text()).toContain('01234567 89abcdef');
  });
});
