// Accounts (/api/v1/auth, /me, /users, /site): logging in and out, who is logged in, one's
// password and sessions, the guides and staff of a community that work can be assigned to, and
// the administration of users (admins: everyone; community staff: their guides and residents).
import { request } from './client';

export type Role = 'resident' | 'guide' | 'staff' | 'street' | 'admin';

export interface User {
  id: number;
  username: string;
  role: Role;
  community_ids: number[];
  household_id: number | null;
  display_name: string;
}

export interface LoginResponse {
  token: string;
  expires_in: number;
  user: User;
  /** An administrator asked for a new password at this login. */
  must_change_password: boolean;
}

export interface SessionInfo {
  id: string;
  created_at: string;
  expires_at: string;
  remote_ip: string | null;
  user_agent: string | null;
  current: boolean;
}

export interface CommunityUser {
  id: number;
  username: string;
  display_name: string;
  role: 'guide' | 'staff';
  /** Households assigned; guides only. */
  caseload: number | null;
}

/** A user as the administration pages list them; the server masks the mobile. */
export interface ManagedUser {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  community_ids: number[];
  street_ids: number[];
  household_id: number | null;
  mobile: string | null;
  disabled: boolean;
  /** Households assigned; guides only. */
  caseload: number | null;
  created_at: string;
}

export type UserState = 'active' | 'disabled' | 'all';

export interface UserFilters {
  /** Optional for admins; community staff see their own community's users. */
  community_id?: number;
  role?: Role;
  q?: string;
  state?: UserState;
}

export interface NewUser {
  username: string;
  display_name: string;
  role: Role;
  community_ids?: number[];
  street_ids?: number[];
  /** Left out, the server makes a temporary one, to be changed at the first login. */
  password?: string;
}

export interface CreatedUser {
  id: number;
  username: string;
  /** Present when no password was given: shown once, never again. */
  temporary_password?: string;
}

export interface UserChanges {
  display_name?: string;
  role?: Role;
  community_ids?: number[];
  street_ids?: number[];
}

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
    request<{ community_id: number; items: CommunityUser[] }>('/users', { query: { community_id: communityId, role } }),
  listUsers: (filters: UserFilters) => request<{ items: ManagedUser[] }>('/users', { query: { ...filters } }),
  createUser: (user: NewUser) => request<CreatedUser>('/users', { body: user }),
  updateUser: (id: number, changes: UserChanges) =>
    request<ManagedUser>(`/users/${id}`, { method: 'PATCH', body: changes }),
  deactivateUser: (id: number) => request<ManagedUser>(`/users/${id}/deactivate`, { method: 'POST', body: {} }),
  reactivateUser: (id: number) => request<ManagedUser>(`/users/${id}/reactivate`, { method: 'POST', body: {} }),
  /** Ends the user's sessions; they choose a new password at their next login. */
  forceReset: (id: number) => request<ManagedUser>(`/users/${id}/force-reset`, { method: 'POST', body: {} }),
};
