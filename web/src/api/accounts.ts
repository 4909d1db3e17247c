// Accounts (/api/v1/auth, /me, /users, /site): logging in and out, who is logged in, one's
// password and sessions, the guides and staff of a community that work can be assigned to, and
// the administration of users (admins: everyone; community staff: their guides and residents).
import { request } from './client';
import type { Answer, Body, Item, Query, With } from './types';

export type Role = 'resident' | 'guide' | 'staff' | 'street' | 'admin';

/**
 * Who is logged in (/me, and the login's answer). display_name is left out when the user has
 * none (the server sends it only when set).
 */
export type User = With<Answer<'get', '/api/v1/me'>['user'], { role: Role }>;

/** must_change_password: an administrator asked for a new password at this login. */
export type LoginResponse = With<Answer<'post', '/api/v1/auth/login'>, { user: User }>;

export type SessionInfo = With<
  Answer<'get', '/api/v1/auth/sessions'>['items'][number],
  { remote_ip: string | null; user_agent: string | null }
>;

/**
 * A user as the administration pages list them; the server masks the mobile. caseload:
 * households assigned, guides only.
 */
export type ManagedUser = With<
  Item<Answer<'get', '/api/v1/users'>>,
  { role: Role; street_ids: number[]; mobile: string | null }
>;

/** A guide or staff member of a community, as /users?community_id=…&role=… lists them. */
export type CommunityUser = With<ManagedUser, { role: 'guide' | 'staff' }>;

export type UserState = 'active' | 'disabled' | 'all';

/** community_id: optional for admins; community staff see their own community's users. */
export type UserFilters = With<Query<'get', '/api/v1/users'>, { role?: Role; state?: UserState }>;

/** Without a password the server makes a temporary one, to be changed at the first login. */
export type NewUser = With<Body<'post', '/api/v1/users'>, { role: Role }>;

/** temporary_password: present when no password was given, shown once, never again. */
export type CreatedUser = Answer<'post', '/api/v1/users', 201>;

export type UserChanges = With<
  Body<'patch', '/api/v1/users/{id}'>,
  { role?: Role; community_ids?: number[]; street_ids?: number[] }
>;

export const accountsApi = {
  login: (username: string, password: string) =>
    request<LoginResponse>('/auth/login', { body: { username, password } }),
  logout: () => request<unknown>('/auth/logout', { method: 'POST' }),
  me: () => request<{ user: User }>('/me'),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<{ ok: boolean }>('/auth/password', {
      body: { current_password: currentPassword, new_password: newPassword },
    }),
  sessions: () => request<{ items: SessionInfo[] }>('/auth/sessions'),
  endSession: (id: string) => request<{ ok: boolean }>(`/auth/sessions/${id}`, { method: 'DELETE' }),
  /** Whether this server serves the demo community (the login page then names its accounts). */
  site: () => request<{ demo: boolean; version: string }>('/site'),
  users: (communityId: number, role: 'guide' | 'staff') =>
    request<{ community_id: number | null; items: CommunityUser[] }>('/users', { query: { community_id: communityId, role } }),
  listUsers: (filters: UserFilters) => request<{ items: ManagedUser[] }>('/users', { query: { ...filters } }),
  createUser: (user: NewUser) => request<CreatedUser>('/users', { body: user }),
  updateUser: (id: number, changes: UserChanges) =>
    request<ManagedUser>(`/users/${id}`, { method: 'PATCH', body: changes }),
  deactivateUser: (id: number) => request<ManagedUser>(`/users/${id}/deactivate`, { method: 'POST', body: {} }),
  reactivateUser: (id: number) => request<ManagedUser>(`/users/${id}/reactivate`, { method: 'POST', body: {} }),
  /** Ends the user's sessions; they choose a new password at their next login. */
  forceReset: (id: number) => request<ManagedUser>(`/users/${id}/force-reset`, { method: 'POST', body: {} }),
};
