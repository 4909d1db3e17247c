import { describe, expect, it } from 'vitest';
import { availableActions } from './workflow';

describe('availableActions', () => {
  it('offers accept, assign and resolve on a new request', () => {
    expect(availableActions('submitted', 'staff')).toEqual(['accept', 'assign', 'resolve', 'comment']);
  });
  it('offers start after accepting', () => {
    expect(availableActions('accepted', 'guide')).toContain('start');
  });
  it('lets only staff close a resolved request', () => {
    expect(availableActions('resolved', 'staff')).toContain('close');
    expect(availableActions('resolved', 'guide')).not.toContain('close');
  });
  it('lets the street office only add notes', () => {
    expect(availableActions('submitted', 'street')).toEqual(['comment']);
  });
  it('offers residents nothing in the console', () => {
    expect(availableActions('submitted', 'resident')).toEqual([]);
  });
});
