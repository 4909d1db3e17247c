import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18nFor, stubFetch } from '../../test/helpers';
import type { Voucher } from '../../api/points';
import VoucherCheck from './VoucherCheck.vue';
import VoucherList from './VoucherList.vue';
import VoucherCard from './VoucherCard.vue';

const valid: Voucher = {
  redemption_id: 7,
  community_id: 1,
  code: 'K7QM-4XPD',
  item_id: 2,
  item_name: '理发券',
  quantity: 1,
  points: 20,
  resident_id: 16,
  resident_name: '张**',
  created_at: '2026-12-07T16:55:36.076+08:00',
  used_at: null,
  state: 'valid',
};
const used: Voucher = { ...valid, used_at: '2026-12-07T17:05:00.000+08:00', state: 'used' };

describe('VoucherCheck', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('finds a code typed in lower case without the dash, and hands it out once', async () => {
    let state: Voucher = valid;
    const { calls } = stubFetch({
      'GET /api/v1/points/vouchers/K7QM4XPD': () => ({ body: state }),
      'POST /api/v1/points/vouchers/K7QM-4XPD/use': () => {
        if (state.state === 'used') return { status: 409, body: { error: { code: 'voucher_used', message: '这张凭证已经用过了 / used' } } };
        state = used;
        return { body: used };
      },
    });
    const wrapper = mount(VoucherCheck, { global: { plugins: [i18nFor()] } });
    await wrapper.find('[data-test="check-code"]').setValue('k7qm4xpd');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(calls[0].url).toBe('/api/v1/points/vouchers/K7QM4XPD');
    expect(wrapper.find('[data-test="check-item"]').text()).toBe('理发券 × 1');
    expect(wrapper.find('[data-test="check-resident"]').text()).toBe('张**');
    await wrapper.find('[data-test="check-confirm"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-test="check-given"]').text()).toContain('已发放：理发券 × 1');
    expect(wrapper.find('[data-test="check-confirm"]').exists()).toBe(false);
    // Looked up again, it says it was used and offers no button to hand it out.
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="check-state-note"]').text()).toMatch(/已经用过了（2026.*17:05）/);
    expect(wrapper.find('[data-test="check-confirm"]').exists()).toBe(false);
  });

  it('says a short code, a letter codes never have, and an unknown code in Chinese', async () => {
    stubFetch({
      'GET /api/v1/points/vouchers/ZZZZ2222': { status: 404, body: { error: { code: 'voucher_not_found', message: 'x / y' } } },
    });
    const wrapper = mount(VoucherCheck, { global: { plugins: [i18nFor()] } });
    const tryCode = async (code: string) => {
      await wrapper.find('[data-test="check-code"]').setValue(code);
      await wrapper.find('form').trigger('submit');
      await flushPromises();
      return wrapper.find('[data-test="check-error"]').text();
    };
    expect(await tryCode('k7qm')).toBe('凭证码是 8 位字母和数字，请核对一下。');
    expect(await tryCode('k7qo-4xpd')).toContain('凭证码里不会有 O');
    expect(await tryCode('zzzz-2222')).toBe('没有找到这张凭证，请核对凭证码。');
  });

  it('says 已经用过 when someone else handed it out in between', async () => {
    let gets = 0;
    stubFetch({
      'GET /api/v1/points/vouchers/K7QM4XPD': () => ({ body: ++gets === 1 ? valid : used }),
      'GET /api/v1/points/vouchers/K7QM-4XPD': () => ({ body: used }),
      'POST /api/v1/points/vouchers/K7QM-4XPD/use': { status: 409, body: { error: { code: 'voucher_used', message: 'x / y' } } },
    });
    const wrapper = mount(VoucherCheck, { global: { plugins: [i18nFor()] } });
    await wrapper.find('[data-test="check-code"]').setValue('K7QM-4XPD');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    await wrapper.find('[data-test="check-confirm"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-test="check-state-note"]').text()).toContain('已经用过');
    expect(wrapper.find('[data-test="voucher-state"]').text()).toBe('已使用');
  });
});

describe('VoucherList and VoucherCard', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('opens a valid voucher, greys a used one with when, and marks a void one refunded', async () => {
    const voided: Voucher = { ...valid, redemption_id: 5, code: 'AAAA-BBBB', state: 'void' };
    stubFetch({
      'GET /api/v1/points/accounts/16/redemptions': { body: { items: [valid, used, voided] } },
      'GET /api/v1/points/accounts/17/redemptions': { body: { items: [] } },
    });
    const wrapper = mount(VoucherList, {
      props: { holders: [{ id: 16, name: '张文博' }, { id: 17, name: '刘婷婷' }] },
      global: { plugins: [i18nFor()] },
    });
    await flushPromises();
    const rows = wrapper.findAll('[data-resident="16"] [data-test="voucher-row"]');
    expect(rows.map((row) => row.attributes('data-state'))).toEqual(['valid', 'used', 'void']);
    expect(rows[1].find('[data-test="voucher-used-at"]').text()).toMatch(/17:05 已使用/);
    expect(rows[1].find('[data-test="voucher-open"]').exists()).toBe(false);
    expect(rows[2].text()).toContain('已作废（积分已退回）');
    expect(wrapper.find('[data-resident="17"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="voucher-none"]').text()).toBe('刘婷婷还没有兑换凭证。');
    await rows[0].find('[data-test="voucher-open"]').trigger('click');
    expect(wrapper.emitted('open')?.[0]?.[0]).toMatchObject({ code: 'K7QM-4XPD' });

    const card = mount(VoucherCard, { props: { voucher: valid, balance: 1 }, global: { plugins: [i18nFor()] } });
    expect(card.find('[data-test="voucher-code"]').text().replace(/\s/g, '')).toBe('K7QM4XPD');
    expect(card.find('[data-test="voucher-qr"]').attributes('src')).toBe('/api/v1/points/vouchers/K7QM-4XPD/qr.svg');
    expect(card.text()).toContain('到兑换点出示此凭证');
    expect(card.text()).toContain('余额 1');
  });
});
