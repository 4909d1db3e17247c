// Routes. Home, tracking and login are in the main bundle; every other page loads on demand, the
// transparency board included (its data is asked for beside its code, lib/prefetch.ts). ECharts
// is its own chunk, fetched only by the console's chart pages (the board draws its one chart
// itself). Logged in, the guard first fetches the Chinese of the pages behind a login (i18n).
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { Role } from './api/accounts';
import { homeFor, loadSession, STAFF_ROLES } from './session';
import { loadLoggedInMessages } from './i18n';
import { prefetch } from './lib/prefetch';
import { boardCommunityId, boardPageKey, fetchBoardPage } from './lib/boardPage';
import HomeView from './views/HomeView.vue';
import TrackView from './views/TrackView.vue';
import LoginView from './views/LoginView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Roles that may open the page; absent for public pages. */
    roles?: Role[];
    /** i18n key of the page title. */
    title?: string;
  }
}

const resident: Role[] = ['resident'];

const routes: RouteRecordRaw[] = [
  { path: '/', component: HomeView, meta: { title: 'nav.home' } },
  { path: '/track/:code?', component: TrackView, meta: { title: 'track.title' } },
  { path: '/login', component: LoginView, meta: { title: 'login.title' } },
  { path: '/register', component: () => import('./views/account/RegisterView.vue'), meta: { title: 'register.title' } },
  {
    path: '/reset-password',
    component: () => import('./views/account/ResetPasswordView.vue'),
    meta: { title: 'reset.title' },
  },
  {
    path: '/account',
    component: () => import('./views/account/AccountView.vue'),
    meta: { roles: [...resident, ...STAFF_ROLES], title: 'account.title' },
  },
  {
    path: '/board',
    component: () => import('./views/board/BoardView.vue'),
    meta: { title: 'board.title' },
    // The board's figures are asked for beside its code, not after it (lib/prefetch.ts).
    beforeEnter: (to) => {
      const id = boardCommunityId(to.query);
      prefetch(boardPageKey(id), () => fetchBoardPage(id));
    },
  },
  {
    path: '/board/plans/:id(\\d+)',
    component: () => import('./views/board/PlanView.vue'),
    meta: { title: 'board.planTitle' },
  },
  {
    path: '/assistant',
    component: () => import('./views/assistant/AssistantView.vue'),
    meta: { title: 'assistant.title' },
  },
  {
    path: '/property',
    component: () => import('./views/property/PropertyView.vue'),
    meta: { roles: resident, title: 'property.title' },
  },
  {
    path: '/resident',
    component: () => import('./views/resident/ResidentHomeView.vue'),
    meta: { roles: resident, title: 'nav.residentHome' },
  },
  {
    path: '/resident/new',
    component: () => import('./views/resident/NewRequestView.vue'),
    meta: { roles: resident, title: 'resident.newTitle' },
  },
  {
    path: '/resident/requests',
    component: () => import('./views/resident/MyRequestsView.vue'),
    meta: { roles: resident, title: 'resident.listTitle' },
  },
  {
    path: '/resident/requests/:id(\\d+)',
    component: () => import('./views/resident/RequestDetailView.vue'),
    meta: { roles: resident, title: 'resident.detailTitle' },
  },
  {
    path: '/resident/points',
    component: () => import('./views/resident/PointsView.vue'),
    meta: { roles: resident, title: 'points.title' },
  },
  {
    path: '/resident/activities',
    component: () => import('./views/resident/ActivitiesView.vue'),
    meta: { roles: resident, title: 'part.activities.title' },
  },
  {
    path: '/resident/activities/:id(\\d+)',
    component: () => import('./views/resident/MeetingView.vue'),
    meta: { roles: resident, title: 'part.activities.title' },
  },
  {
    path: '/resident/proposals',
    component: () => import('./views/resident/ProposalsView.vue'),
    meta: { roles: resident, title: 'part.proposals.title' },
  },
  {
    path: '/resident/proposals/:id(\\d+)',
    component: () => import('./views/resident/ProposalDetailView.vue'),
    meta: { roles: resident, title: 'part.proposals.title' },
  },
  {
    path: '/resident/surveys',
    component: () => import('./views/resident/SurveysView.vue'),
    meta: { roles: resident, title: 'part.surveys.title' },
  },
  {
    path: '/resident/timebank',
    component: () => import('./views/resident/TimebankView.vue'),
    meta: { roles: resident, title: 'part.timebank.title' },
  },
  {
    path: '/resident/pb',
    component: () => import('./views/resident/PbView.vue'),
    meta: { roles: resident, title: 'pb.title' },
  },
  {
    path: '/resident/pb/:id(\\d+)',
    component: () => import('./views/resident/PbElectionView.vue'),
    meta: { roles: resident, title: 'pb.title' },
  },
  {
    path: '/resident/hosting',
    component: () => import('./views/resident/HostingView.vue'),
    meta: { roles: resident, title: 'hosts.propose.title' },
  },
  {
    path: '/resident/hosting/:id(\\d+)',
    component: () => import('./views/resident/HostSheetView.vue'),
    meta: { roles: resident, title: 'hosts.sheet.back' },
  },
  {
    path: '/resident/notices',
    component: () => import('./views/resident/NoticesView.vue'),
    meta: { roles: resident, title: 'announcements.title' },
  },
  {
    path: '/resident/notices/:id(\\d+)',
    component: () => import('./views/resident/NoticeView.vue'),
    meta: { roles: resident, title: 'announcements.title' },
  },
  {
    path: '/resident/rooms',
    component: () => import('./views/resident/RoomsView.vue'),
    meta: { roles: resident, title: 'bookings.title' },
  },
  {
    path: '/resident/rooms/:id(\\d+)',
    component: () => import('./views/resident/RoomBookView.vue'),
    meta: { roles: resident, title: 'bookings.title' },
  },
  {
    path: '/resident/bookings',
    component: () => import('./views/resident/MyBookingsView.vue'),
    meta: { roles: resident, title: 'bookings.mineTitle' },
  },
  { path: '/staff', redirect: '/staff/queue' },
  {
    path: '/staff/rooms',
    component: () => import('./views/staff/RoomsAdminView.vue'),
    meta: { roles: STAFF_ROLES, title: 'bookings.staffTitle' },
  },
  {
    path: '/staff/announcements',
    component: () => import('./views/staff/AnnouncementsView.vue'),
    meta: { roles: STAFF_ROLES, title: 'announcements.title' },
  },
  {
    path: '/staff/moderation',
    component: () => import('./views/staff/ModerationView.vue'),
    meta: { roles: ['staff', 'admin'], title: 'discussion.moderation.title' },
  },
  {
    path: '/staff/proposals/:id(\\d+)',
    component: () => import('./views/staff/ProposalDiscussionView.vue'),
    meta: { roles: STAFF_ROLES, title: 'discussion.proposal.title' },
  },
  {
    path: '/comments/:id(\\d+)',
    component: () => import('./views/CommentLinkView.vue'),
    meta: { roles: [...resident, ...STAFF_ROLES], title: 'inbox.title' },
  },
  {
    path: '/inbox',
    component: () => import('./views/inbox/InboxView.vue'),
    meta: { roles: [...resident, ...STAFF_ROLES], title: 'inbox.title' },
  },
  {
    path: '/staff/registrations',
    component: () => import('./views/staff/RegistrationsView.vue'),
    meta: { roles: ['staff', 'guide', 'admin'], title: 'registrations.title' },
  },
  {
    path: '/staff/points',
    component: () => import('./views/staff/PointsAdminView.vue'),
    meta: { roles: ['staff', 'guide', 'admin'], title: 'pointsAdmin.title' },
  },
  {
    path: '/staff/timebank',
    component: () => import('./views/staff/MarketAdminView.vue'),
    meta: { roles: ['staff', 'guide', 'admin'], title: 'timeMarket.staff.title' },
  },
  {
    path: '/staff/settings',
    component: () => import('./views/staff/SettingsView.vue'),
    meta: { roles: ['staff', 'admin'], title: 'settings.title' },
  },
  {
    path: '/staff/channels',
    component: () => import('./views/staff/ChannelsView.vue'),
    meta: { roles: ['staff', 'admin'], title: 'channels.title' },
  },
  {
    path: '/admin/users',
    component: () => import('./views/admin/UsersView.vue'),
    meta: { roles: ['admin', 'staff'], title: 'admin.users.title' },
  },
  {
    path: '/admin/streets',
    component: () => import('./views/admin/StreetsView.vue'),
    meta: { roles: ['admin', 'street'], title: 'admin.streets.title' },
  },
  {
    path: '/admin/guides',
    component: () => import('./views/admin/GuidesView.vue'),
    meta: { roles: ['admin', 'staff'], title: 'admin.guides.title' },
  },
  {
    path: '/staff/queue',
    component: () => import('./views/staff/QueueView.vue'),
    meta: { roles: STAFF_ROLES, title: 'staff.queueTitle' },
  },
  {
    path: '/staff/requests/new',
    component: () => import('./views/staff/FileRequestView.vue'),
    meta: { roles: ['staff', 'guide', 'admin'], title: 'casework.fileTitle' },
  },
  {
    path: '/staff/households/:id(\\d+)',
    component: () => import('./views/staff/HouseholdView.vue'),
    meta: { roles: STAFF_ROLES, title: 'casework.householdTitle' },
  },
  {
    path: '/staff/requests/:id(\\d+)',
    component: () => import('./views/staff/CaseView.vue'),
    meta: { roles: STAFF_ROLES, title: 'staff.caseTitle' },
  },
  {
    path: '/staff/households',
    component: () => import('./views/staff/HouseholdsView.vue'),
    meta: { roles: STAFF_ROLES, title: 'staff.householdsTitle' },
  },
  {
    path: '/guide',
    component: () => import('./views/guide/WorkbenchView.vue'),
    meta: { roles: ['guide', 'staff'], title: 'workbench.title' },
  },
  {
    path: '/guide/visit/:id(\\d+)',
    component: () => import('./views/guide/VisitView.vue'),
    meta: { roles: ['guide', 'staff', 'admin'], title: 'workbench.visit.title' },
  },
  {
    path: '/staff/overview',
    component: () => import('./views/staff/OverviewView.vue'),
    meta: { roles: STAFF_ROLES, title: 'staff.overviewTitle' },
  },
  {
    // Staff run the fund; the owners' committee (residents) decide expenses; guides and the
    // street read. What each may do is the server's rule (modules/property/permissions).
    path: '/staff/property',
    component: () => import('./views/property/StaffPropertyView.vue'),
    meta: { roles: [...STAFF_ROLES, ...resident], title: 'propertyStaff.title' },
  },
  {
    path: '/staff/plans',
    component: () => import('./views/staff/PlansView.vue'),
    meta: { roles: STAFF_ROLES, title: 'planning.listTitle' },
  },
  {
    path: '/staff/plans/new',
    component: () => import('./views/staff/PlannerView.vue'),
    meta: { roles: STAFF_ROLES, title: 'planning.plannerTitle' },
  },
  {
    path: '/staff/pb',
    component: () => import('./views/staff/PbElectionsView.vue'),
    meta: { roles: STAFF_ROLES, title: 'pb.title' },
  },
  {
    path: '/staff/pb/:id(\\d+)',
    component: () => import('./views/staff/PbElectionView.vue'),
    meta: { roles: STAFF_ROLES, title: 'pb.title' },
  },
  {
    path: '/staff/needs',
    component: () => import('./views/staff/NeedsView.vue'),
    meta: { roles: STAFF_ROLES, title: 'planning.needsTitle' },
  },
  {
    path: '/staff/plans/:id(\\d+)',
    component: () => import('./views/staff/PlanDeskView.vue'),
    meta: { roles: STAFF_ROLES, title: 'planStaff.title' },
  },
  {
    path: '/staff/meetings',
    component: () => import('./views/staff/MeetingsView.vue'),
    meta: { roles: STAFF_ROLES, title: 'part.meetings.title' },
  },
  {
    path: '/staff/hosting',
    component: () => import('./views/staff/HostingReviewView.vue'),
    meta: { roles: STAFF_ROLES, title: 'hosts.review.title' },
  },
  {
    path: '/staff/meetings/:id(\\d+)',
    component: () => import('./views/staff/MeetingDeskView.vue'),
    meta: { roles: STAFF_ROLES, title: 'part.meetings.title' },
  },
  {
    path: '/staff/surveys',
    component: () => import('./views/staff/SurveysView.vue'),
    meta: { roles: STAFF_ROLES, title: 'civic.surveys.title' },
  },
  {
    path: '/staff/surveys/results',
    component: () => import('./views/staff/SurveyResultsView.vue'),
    meta: { roles: STAFF_ROLES, title: 'part.results.title' },
  },
  {
    // Residents read a closed survey's results by group (the server leaves out free text).
    path: '/resident/surveys/results',
    component: () => import('./views/staff/SurveyResultsView.vue'),
    meta: { roles: ['resident'], title: 'part.results.title' },
  },
  {
    path: '/staff/representatives',
    component: () => import('./views/staff/RepresentativesView.vue'),
    meta: { roles: STAFF_ROLES, title: 'civic.reps.title' },
  },
  {
    path: '/staff/leaders',
    component: () => import('./views/staff/LeadersView.vue'),
    meta: { roles: STAFF_ROLES, title: 'civic.leaders.title' },
  },
  {
    path: '/staff/assistant',
    component: () => import('./views/staff/AssistantAdminView.vue'),
    meta: { roles: ['staff', 'guide', 'admin'], title: 'assistantAdmin.title' },
  },
  {
    path: '/cockpit',
    component: () => import('./views/cockpit/CockpitView.vue'),
    meta: { roles: STAFF_ROLES, title: 'cockpit.title' },
  },
  {
    path: '/staff/warnings',
    component: () => import('./views/insight/WarningsView.vue'),
    meta: { roles: STAFF_ROLES, title: 'insight.warnings.title' },
  },
  {
    path: '/staff/improvements',
    component: () => import('./views/insight/ImprovementsView.vue'),
    meta: { roles: STAFF_ROLES, title: 'insight.pdca.title' },
  },
  {
    path: '/staff/reports',
    component: () => import('./views/insight/ReportsView.vue'),
    meta: { roles: STAFF_ROLES, title: 'insight.reports.title' },
  },
  {
    path: '/street/referrals',
    component: () => import('./views/street/ReferralsView.vue'),
    meta: { roles: ['street'], title: 'referrals.street.title' },
  },
  {
    path: '/street/league',
    component: () => import('./views/street/LeagueView.vue'),
    meta: { roles: ['street', 'admin'], title: 'referrals.league.title' },
  },
  {
    path: '/street/compare',
    component: () => import('./views/insight/CompareView.vue'),
    meta: { roles: ['street', 'admin'], title: 'insight.compare.title' },
  },
  {
    path: '/forbidden',
    component: () => import('./views/ForbiddenView.vue'),
    meta: { title: 'forbidden.title' },
  },
  {
    path: '/:pathMatch(.*)*',
    component: () => import('./views/NotFoundView.vue'),
    meta: { title: 'notFound.title' },
  },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

router.beforeEach(async (to) => {
  // Cheap for anonymous visitors: without a login on this device it asks nothing.
  const user = await loadSession().catch(() => null);
  // Logged in: the menus and pages use every Chinese section, not only the public pages' ones.
  if (user) await loadLoggedInMessages();
  if (to.path === '/login' && user) return homeFor(user);
  const roles = to.meta.roles;
  if (!roles) return true;
  if (!user) return { path: '/login', query: { next: to.fullPath } };
  if (!roles.includes(user.role)) return '/forbidden';
  return true;
});
