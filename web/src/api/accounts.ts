// Accounts (/api/v1/auth, /me, /users, /site): logging in and out, who is logged in, one's
// password and sessions, and the guides and staff of a community that work can be assigned to.
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
};
