import { describe, expect, it } from 'vitest';
import { mount, RouterLinkStub } from '@vue/test-utils';
import WarningEvidence from './WarningEvidence.vue';
import { i18nFor } from '../../test/helpers';

function render(kind: string, evidence: unknown, locale: 'zh-CN' | 'en' = 'zh-CN') {
  return mount(WarningEvidence, {
    props: { kind, evidence },
    global: { plugins: [i18nFor(locale)], stubs: { RouterLink: RouterLinkStub } },
  });
}

const falling = {
  kind: 'meeting',
  channel: 'online_hall',
  activities: [
    { activity_id: 11, title: '九月线上议事', date: '2026-09-08', households: 52 },
    { activity_id: 12, title: '十月线上议事', date: '2026-10-13', households: 51 },
    { activity_id: 13, title: '十一月线上议事', date: '2026-11-10', households: 49 },
    { activity_id: 14, title: '十二月线上议事', date: '2026-12-01', households: 44 },
  ],
};

describe('WarningEvidence', () => {
  it('draws falling attendance as a run of households with each activity', () => {
    const view = render('participation_falling', falling);
    expect(view.find('[data-test="evidence-run"]').text()).toBe('52 → 51 → 49 → 44 户');
    expect(view.text()).toContain('议事会议·线上议事厅');
    expect(view.findAll('li')).toHaveLength(4);
    expect(view.findAll('li')[3].text()).toBe('2026-12-01 十二月线上议事 · 44 户');
  });

  it('gives the complaint counts of each quarter with their rate', () => {
    const view = render('complaints_rising', {
      quarters: [
        { quarter: '2026Q1', complaints: 90, households: 4500, rate: 0.02 },
        { quarter: '2026Q2', complaints: 165, households: 4500, rate: 0.03666 },
        { quarter: '2026Q3', complaints: 193, households: 4500, rate: 0.04289 },
      ],
    });
    expect(view.find('[data-test="evidence-run"]').text()).toBe('90 → 165 → 193');
    expect(view.findAll('li')[2].text()).toBe('2026Q3：193 件 / 4,500 户（4.3%）');
  });

  it('links an allocation dispute to its plan and says it in English too', () => {
    const evidence = { plan_id: 3, quarter: '2026Q2', objecting_households: 270, households: 4500, threshold_bp: 500, third_party_recorded: false };
    const view = render('allocation_dispute', evidence, 'en');
    expect(view.text()).toContain('270 households objected, 6.0% of 4,500, above the 5.0% threshold');
    expect(view.findComponent(RouterLinkStub).props('to')).toBe('/staff/plans/3');
  });
});
