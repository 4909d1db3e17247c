import { describe, expect, it } from 'vitest';
import { navGroups } from './nav';
import { homeFor } from '../session';
import type { User } from '../api/accounts';

const user = (role: User['role']) => ({ id: 1, username: role, role, community_ids: [1], household_id: null, display_name: '' }) as User;

describe('the guide workbench in the menu and after login', () => {
  it('puts the workbench first among a guide’s case pages, and nowhere for others', () => {
    const cases = navGroups('guide').find((group) => group.label === 'nav.group.cases');
    expect(cases?.links[0].to).toBe('/guide');
    for (const role of ['staff', 'street', 'admin'] as const) {
      const links = navGroups(role).flatMap((group) => group.links.map((link) => link.to));
      expect(links).not.toContain('/guide');
    }
  });
  it('lands a guide on /guide and other back-office users on the queue', () => {
    expect(homeFor(user('guide'))).toBe('/guide');
    expect(homeFor(user('staff'))).toBe('/staff/queue');
    expect(homeFor(user('resident'))).toBe('/resident');
  });
});
