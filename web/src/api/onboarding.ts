// Onboarding (/api/v1/auth/otp, /auth/register, /auth/password-reset, claim codes, the staff's
// queue of registrations, a household's logins): how residents get in.
import { apiUrl, request } from './client';
import type { Answer, Item, With } from './types';

export type OtpPurpose = 'register' | 'reset';

export type Registered = With<Answer<'post', '/api/v1/auth/register', 201>, { status: 'active' | 'pending' }>;

export type ClaimCode = With<
  Item<Answer<'get', '/api/v1/households/{id}/claim-codes'>>,
  { revoked_at: string | null; state: 'active' | 'expired' | 'revoked' }
>;

export type IssuedCode = Answer<'post', '/api/v1/households/{id}/claim-codes', 201>;

export type AccountRequest = With<
  Answer<'post', '/api/v1/account-requests/{id}/decision'>,
  { decision: 'confirmed' | 'refused' | null }
>;

/** removable: the reader (the household head, staff) may deactivate it. */
export type HouseholdAccount = With<
  Item<Answer<'get', '/api/v1/households/{id}/accounts'>>,
  { state: 'active' | 'pending' | 'removed' }
>;

export const onboardingApi = {
  sendCode: (mobile: string, purpose: OtpPurpose) =>
    request<{ sent: boolean; expires_in: number }>('/auth/otp', { body: { mobile, purpose } }),
  register: (body: { claim_code: string; name: string; mobile: string; otp: string; password: string }) =>
    request<Registered>('/auth/register', { body }),
  resetPassword: (body: { mobile: string; otp: string; new_password: string }) =>
    request<{ ok: boolean }>('/auth/password-reset', { body }),
  issueCode: (householdId: number) =>
    request<IssuedCode>(`/households/${householdId}/claim-codes`, { method: 'POST', body: {} }),
  claimCodes: (householdId: number) => request<{ items: ClaimCode[] }>(`/households/${householdId}/claim-codes`),
  revokeCode: (codeId: number) => request<ClaimCode>(`/claim-codes/${codeId}/revoke`, { method: 'POST', body: {} }),
  /** The printable slips of a building: a page the browser opens and prints. */
  slipsUrl: (communityId: number, buildingId: number) =>
    apiUrl(`/communities/${communityId}/claim-codes/print`, { building_id: buildingId }),
  accountRequests: (communityId: number, state: 'open' | 'all' = 'open') =>
    request<{ items: AccountRequest[] }>(`/communities/${communityId}/account-requests`, { query: { state } }),
  decide: (userId: number, decision: 'confirm' | 'refuse', residentId?: number) =>
    request<AccountRequest>(`/account-requests/${userId}/decision`, {
      body: residentId ? { decision, resident_id: residentId } : { decision },
    }),
  householdAccounts: (householdId: number) =>
    request<{ items: HouseholdAccount[] }>(`/households/${householdId}/accounts`),
  removeAccount: (householdId: number, userId: number) =>
    request<{ ok: boolean }>(`/households/${householdId}/accounts/${userId}`, { method: 'DELETE' }),
};
