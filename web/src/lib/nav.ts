// What each role's menu offers, as data: the header draws it, and a page joins the menu by
// adding one line to its group here (router.ts guards the route itself). Staff menus are
// grouped so the console fits a phone and a 1366 px desktop; residents get a few main links
// and the rest under "more".
import type { Role } from '../api/accounts';

export interface NavLink {
  to: string;
  /** An i18n key. */
  label: string;
  /** Current only on exactly `to`. */
  exact?: boolean;
  /** Shown as current on every page under this path, not only on `to`. */
  section?: string;
  /** Who sees the link; absent: everyone the group is shown to. */
  roles?: Role[];
}

export interface NavGroup {
  /** An i18n key. */
  label: string;
  links: NavLink[];
}

const STAFF_GROUPS: NavGroup[] = [
  {
    label: 'nav.group.cases',
    links: [
      { to: '/guide', label: 'workbench.nav', section: '/guide/', roles: ['guide'] },
      { to: '/staff/queue', label: 'nav.queue' },
      { to: '/street/referrals', label: 'referrals.nav', roles: ['street'] },
      { to: '/staff/requests/new', label: 'casework.navFile', roles: ['guide', 'staff', 'admin'] },
      { to: '/staff/overview', label: 'nav.overview' },
    ],
  },
  {
    label: 'nav.group.households',
    links: [
      { to: '/staff/households', label: 'nav.households' },
      { to: '/staff/needs', label: 'planning.navNeeds' },
    ],
  },
  {
    label: 'nav.group.planning',
    links: [
      { to: '/staff/plans', label: 'nav.plans' },
      { to: '/staff/pb', label: 'pb.nav', section: '/staff/pb/' },
      { to: '/staff/property', label: 'propertyStaff.nav' },
    ],
  },
  {
    label: 'nav.group.participation',
    links: [
      { to: '/staff/announcements', label: 'announcements.nav' },
      { to: '/staff/rooms', label: 'bookings.nav.staff' },
      { to: '/staff/moderation', label: 'discussion.moderation.nav', section: '/staff/proposals/', roles: ['staff', 'admin'] },
      { to: '/staff/meetings', label: 'part.nav.meetings' },
      { to: '/staff/hosting', label: 'hosts.nav' },
      { to: '/staff/surveys', label: 'civic.nav.surveys', section: '/staff/surveys' },
      { to: '/staff/representatives', label: 'civic.nav.reps' },
      { to: '/staff/leaders', label: 'civic.nav.leaders' },
      { to: '/staff/points', label: 'pointsAdmin.nav', roles: ['guide', 'staff', 'admin'] },
      { to: '/staff/timebank', label: 'timeMarket.staff.nav', roles: ['guide', 'staff', 'admin'] },
    ],
  },
  {
    label: 'nav.group.insight',
    links: [
      { to: '/cockpit', label: 'nav.cockpit' },
      { to: '/street/compare', label: 'insight.nav.compare', roles: ['street', 'admin'] },
      { to: '/street/league', label: 'referrals.navLeague', roles: ['street', 'admin'] },
      { to: '/staff/warnings', label: 'insight.nav.warnings' },
      { to: '/staff/improvements', label: 'insight.nav.improvements' },
      { to: '/staff/reports', label: 'insight.nav.reports' },
    ],
  },
  {
    label: 'nav.group.settings',
    links: [
      { to: '/staff/settings', label: 'settings.nav', roles: ['staff', 'admin'] },
      { to: '/staff/channels', label: 'channels.nav', roles: ['staff', 'admin'] },
      { to: '/staff/registrations', label: 'registrations.nav', roles: ['guide', 'staff', 'admin'] },
      { to: '/staff/assistant', label: 'assistantAdmin.nav', roles: ['guide', 'staff', 'admin'] },
      // One entry into the administration area; its pages carry their own sub-navigation.
      { to: '/admin/users', label: 'admin.nav', section: '/admin/', roles: ['staff', 'admin'] },
      { to: '/admin/streets', label: 'admin.nav', section: '/admin/', roles: ['street'] },
    ],
  },
  {
    label: 'nav.group.public',
    links: [
      { to: '/track', label: 'nav.track' },
      { to: '/board', label: 'nav.board' },
      { to: '/account', label: 'nav.account' },
    ],
  },
];

/** The resident's main links (a phone shows these first), then the rest. */
const RESIDENT_MAIN: NavLink[] = [
  { to: '/resident', label: 'nav.residentHome', exact: true },
  { to: '/resident/new', label: 'nav.newRequest' },
  { to: '/resident/requests', label: 'nav.myRequests' },
  { to: '/resident/points', label: 'nav.points' },
];
const RESIDENT_MORE: NavLink[] = [
  { to: '/resident/notices', label: 'announcements.nav' },
  { to: '/resident/rooms', label: 'bookings.nav.rooms' },
  { to: '/resident/bookings', label: 'bookings.nav.mine' },
  { to: '/resident/activities', label: 'part.nav.activities' },
  { to: '/resident/proposals', label: 'part.nav.proposals' },
  { to: '/resident/surveys', label: 'part.nav.surveys' },
  { to: '/resident/pb', label: 'pb.residentNav', section: '/resident/pb/' },
  { to: '/resident/timebank', label: 'part.nav.timebank' },
  { to: '/property', label: 'property.nav' },
  { to: '/assistant', label: 'assistant.nav' },
  { to: '/track', label: 'nav.track' },
  { to: '/board', label: 'nav.board' },
  { to: '/account', label: 'nav.account' },
];

const PUBLIC: NavLink[] = [
  { to: '/', label: 'nav.home', exact: true },
  { to: '/track', label: 'nav.track' },
  { to: '/assistant', label: 'assistant.nav' },
  { to: '/board', label: 'nav.board' },
];

function visible(links: NavLink[], role: Role): NavLink[] {
  return links.filter((link) => !link.roles || link.roles.includes(role));
}

/** The menu of a role, in groups; empty groups are left out. */
export function navGroups(role: Role | undefined): NavGroup[] {
  if (!role) return [{ label: 'nav.group.public', links: PUBLIC }];
  if (role === 'resident') {
    return [
      { label: 'nav.group.main', links: RESIDENT_MAIN },
      { label: 'nav.group.more', links: RESIDENT_MORE },
    ];
  }
  return STAFF_GROUPS.map((group) => ({ ...group, links: visible(group.links, role) })).filter(
    (group) => group.links.length > 0,
  );
}

/** Whether a link is the page at `path` (or, for a section link, the section it is in). */
export function isCurrentLink(link: NavLink, path: string): boolean {
  if (link.section && path.startsWith(link.section)) return true;
  if (link.exact) return path === link.to;
  return path === link.to || path.startsWith(`${link.to}/`);
}

/** The index of the group holding the page at `path`, or -1 when no group does. */
export function currentGroupIndex(groups: NavGroup[], path: string): number {
  return groups.findIndex((group) => group.links.some((link) => isCurrentLink(link, path)));
}

/** Roles whose menu is grouped (a menu button on phones, group dropdowns on desktops). */
export function hasGroupedMenu(role: Role | undefined): boolean {
  return role !== undefined && role !== 'resident';
}
