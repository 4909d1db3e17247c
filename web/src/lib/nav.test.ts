import { describe, expect, it } from 'vitest';
import { currentGroupIndex, isCurrentLink, navGroups } from './nav';

describe('which menu entry is current', () => {
  it('matches a page and the pages under it, an exact link only itself, a section link its section', () => {
    expect(isCurrentLink({ to: '/staff/plans', label: '' }, '/staff/plans/12')).toBe(true);
    expect(isCurrentLink({ to: '/staff/plans', label: '' }, '/staff/plansx')).toBe(false);
    expect(isCurrentLink({ to: '/resident', label: '', exact: true }, '/resident/new')).toBe(false);
    expect(isCurrentLink({ to: '/resident', label: '', exact: true }, '/resident')).toBe(true);
    expect(isCurrentLink({ to: '/admin/users', label: '', section: '/admin/' }, '/admin/guides')).toBe(true);
  });
  it('names the group holding the page, or none', () => {
    const groups = navGroups('staff');
    expect(groups[currentGroupIndex(groups, '/cockpit')].label).toBe('nav.group.insight');
    expect(groups[currentGroupIndex(groups, '/admin/guides')].label).toBe('nav.group.settings');
    expect(currentGroupIndex(groups, '/login')).toBe(-1);
  });
});
