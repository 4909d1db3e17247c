// Onboarding (/api/v1/auth/otp, /auth/register, /auth/password-reset, claim codes, the staff's
// queue of registrations, a household's logins): how residents get in.
import { apiUrl, request } from './client';

export type OtpPurpose = 'register' | 'reset';

export interface Registered {
  user_id: number;
  username: string;
  household_id: number;
  resident_id: number | null;
  status: 'active' | 'pending';
}

export interface ClaimCode {
  id: number;
  household_id: number;
  hint: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  uses: number;
  state: 'active' | 'expired' | 'revoked';
}

export interface IssuedCode {
  id: number;
  household_id: number;
  code: string;
  expires_at: string;
}

export interface AccountRequest {
  user_id: number;
  household_id: number;
  household_address: string;
  name: string;
  mobile: string;
  created_at: string;
  decision: 'confirmed' | 'refused' | null;
}

export interface HouseholdAccount {
  user_id: number;
  username: string;
  display_name: string;
  resident_id: number | null;
  mobile: string;
  state: 'active' | 'pending' | 'removed';
  created_at: string;
  you: boolean;
  /** The reader (the household head, staff) may deactivate it. */
  removable: boolean;
}

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
