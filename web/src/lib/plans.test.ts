import { describe, expect, it } from 'vitest';
import {
  bpToPercent,
  fenToYuan,
  hundredthsToDecimal,
  isMoney,
  deskParts,
  displayStage,
  NEXT_ACTION,
  PLAN_STAGES,
  stageIndex,
  stageSteps,
  yuanToFen,
} from './plans';

describe('plan stages', () => {
  it('are the seven stages of the lifecycle, in order', () => {
    expect(PLAN_STAGES).toEqual([
      'draft',
      'public_notice',
      'council_vote',
      'professional_assessment',
      'street_review',
      'executing',
      'closed',
    ]);
    expect(stageIndex('executing')).toBe(5);
    expect(stageIndex('unknown')).toBe(-1);
  });
  it('mark the stages passed, the current one and those ahead', () => {
    const steps = stageSteps('council_vote');
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'current', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(stageSteps('closed')[6]).toEqual({ stage: 'closed', state: 'current' });
  });
  it('end a rejected plan after the street review and a superseded one in draft', () => {
    expect(stageSteps('rejected')).toEqual([
      { stage: 'draft', state: 'done' },
      { stage: 'public_notice', state: 'done' },
      { stage: 'council_vote', state: 'done' },
      { stage: 'professional_assessment', state: 'done' },
      { stage: 'street_review', state: 'done' },
      { stage: 'rejected', state: 'current' },
    ]);
    expect(stageSteps('superseded')).toEqual([
      { stage: 'draft', state: 'done' },
      { stage: 'superseded', state: 'current' },
    ]);
  });
  it('offer a plain step forward only where no record or review decides', () => {
    expect(NEXT_ACTION.public_notice).toBe('open_vote');
    expect(NEXT_ACTION.professional_assessment).toBe('submit_review');
    expect(NEXT_ACTION.executing).toBe('close');
    // The council vote is recorded (the old "assess" is refused), the street reviews, a draft
    // is published from its own panel.
    expect(NEXT_ACTION.council_vote).toBeUndefined();
    expect(Object.values(NEXT_ACTION)).not.toContain('assess');
    expect(NEXT_ACTION.street_review).toBeUndefined();
    expect(NEXT_ACTION.closed).toBeUndefined();
    expect(NEXT_ACTION.rejected).toBeUndefined();
  });
  it('read a returned draft as returned', () => {
    expect(displayStage({ state: 'draft', returned: true })).toBe('returned');
    expect(displayStage({ state: 'draft', returned: false })).toBe('draft');
    expect(displayStage({ state: 'draft' })).toBe('draft');
    expect(displayStage({ state: 'rejected', returned: false })).toBe('rejected');
  });
});

describe('the plan desk', () => {
  it('gives staff the council vote form and the street nothing to do at the vote', () => {
    expect(deskParts('council_vote', 'staff')).toEqual(['council_vote']);
    expect(deskParts('council_vote', 'street')).toEqual([]);
    expect(deskParts('council_vote', 'guide')).toEqual([]);
  });
  it('offers the third-party evaluation before the vote only when objections call for it', () => {
    expect(deskParts('public_notice', 'staff')).toEqual(['transition']);
    expect(deskParts('public_notice', 'staff', { thirdPartyNeeded: true })).toEqual(['transition', 'evaluation']);
    expect(deskParts('council_vote', 'staff', { thirdPartyNeeded: true })).toEqual(['council_vote', 'evaluation']);
  });
  it('asks for the assessment before submitting for review', () => {
    expect(deskParts('professional_assessment', 'staff')).toEqual(['assessment', 'transition']);
  });
  it('lets the street (and admins) review, and tells staff they wait', () => {
    expect(deskParts('street_review', 'street')).toEqual(['street_review']);
    expect(deskParts('street_review', 'admin')).toEqual(['street_review']);
    expect(deskParts('street_review', 'staff')).toEqual(['await_street']);
  });
  it('lets staff publish a draft, and no one else', () => {
    expect(deskParts('draft', 'staff')).toEqual(['publish']);
    expect(deskParts('draft', 'street')).toEqual([]);
  });
  it('shows every role the emergency spends of an executing plan and staff the forms', () => {
    expect(deskParts('executing', 'staff')).toEqual(['transition', 'emergency_form', 'emergency_list', 'spending', 'evaluation']);
    expect(deskParts('executing', 'street')).toEqual(['emergency_list']);
    expect(deskParts('closed', 'staff')).toEqual(['emergency_list']);
    expect(deskParts('rejected', 'staff')).toEqual([]);
    expect(deskParts('superseded', 'admin')).toEqual([]);
  });
});

describe('plan figures', () => {
  it('show basis points as a percent with one decimal', () => {
    expect(bpToPercent(9355)).toBe('93.6%');
    expect(bpToPercent(10000)).toBe('100.0%');
    expect(bpToPercent(0)).toBe('0.0%');
    expect(bpToPercent(152)).toBe('1.5%');
    expect(bpToPercent(null)).toBe('—');
  });
  it('show fen as yuan with two decimals and separators', () => {
    expect(fenToYuan(1250000)).toBe('12,500.00');
    expect(fenToYuan(217928)).toBe('2,179.28');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(-120000)).toBe('-1,200.00');
  });
  it('read typed yuan as fen, refusing what is not an amount', () => {
    expect(yuanToFen('1,200.5')).toBe(120050);
    expect(yuanToFen('12')).toBe(1200);
    expect(yuanToFen(' 0.07 元')).toBe(7);
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
    expect(yuanToFen('')).toBeNull();
  });
  it('show the mean score and tell money from other units', () => {
    expect(hundredthsToDecimal(418)).toBe('4.18');
    expect(isMoney('fen')).toBe(true);
    expect(isMoney('place')).toBe(false);
  });
});
