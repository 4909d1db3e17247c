// Accounts (/api/v1/auth, /me, /users): logging in and out, who is logged in, and the guides
// and staff of a community that work can be assigned to.
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
  users: (communityId: number, role: 'guide' | 'staff') =>
    request<{ community_id: number; items: CommunityUser[] }>('/users', { query: { community_id: communityId, role } }),
};
