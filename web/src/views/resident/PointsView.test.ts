import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18nFor, stubFetch, type Answer } from '../../test/helpers';
import { session } from '../../session';
import type { CatalogItem } from '../../api/points';
import PointsView from './PointsView.vue';

const voucher: CatalogItem = {
  id: 2,
  community_id: 1,
  name: '食堂餐券',
  category: 'canteen',
  price_points: 30,
  stock: 100,
  stock_remaining: 40,
  limit_per_resident: null,
  limit_period: null,
  available_from: null,
  available_until: null,
};

function stubPoints(redemption: () => Answer) {
  return stubFetch({
    'GET /api/v1/households/5': {
      body: { id: 5, community_id: 1, residents: [{ id: 11, household_id: 5, name: '张文博', relation: 'self' }] },
    },
    'GET /api/v1/points/accounts/11': { body: { resident_id: 11, community_id: 1, balance: 100, earned: 120, spent: 20 } },
    'GET /api/v1/points/catalog': { body: { items: [voucher] } },
    'POST /api/v1/points/redemptions': redemption,
    'GET /api/v1/points/accounts/11/redemptions': { body: { items: [] } },
  });
}

async function mountView() {
  session.user = { id: 9, username: 'resident', role: 'resident', community_ids: [1], household_id: 5, display_name: '张文博' };
  session.loaded = true;
  const wrapper = mount(PointsView, { global: { plugins: [i18nFor()] } });
  await flushPromises();
  return wrapper;
}

const redeemed = { status: 201, body: { id: 1, resident_id: 11, item_id: 2, quantity: 1, points: 30, balance: 70, stock_remaining: 39, voucher_code: 'K7QM-4XPD', created_at: '2026-12-07T16:55:36.076+08:00' } };

describe('PointsView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends a redemption retried after a network failure with the same Idempotency-Key', async () => {
    let posts = 0;
    const { calls } = stubPoints(() => (++posts === 1 ? { network: true } : redeemed));
    const wrapper = await mountView();
    const redeem = () => wrapper.find('[data-item="2"] [data-test="redeem"]').trigger('click');

    await redeem();
    await flushPromises();
    expect(wrapper.find('[data-item="2"] [data-test="redeem-error"]').text()).toBe('连接不上服务器，请检查网络后重试。');
    await redeem(); // the resident tries again
    await flushPromises();
    expect(wrapper.find('[data-item="2"] [data-test="redeem-done"]').exists()).toBe(true);
    // The voucher shows its code, large, and its QR image to show at the counter.
    expect(wrapper.find('[data-test="voucher-code"]').text().replace(/\s/g, '')).toBe('K7QM4XPD');
    expect(wrapper.find('[data-test="voucher-qr"]').attributes('src')).toBe('/api/v1/points/vouchers/K7QM-4XPD/qr.svg');
    await redeem(); // and, the voucher in hand, takes a second one
    await flushPromises();

    const keys = calls
      .filter((c) => c.method === 'POST')
      .map((c) => (c.init?.headers as Record<string, string>)['Idempotency-Key']);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });
});
