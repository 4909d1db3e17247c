// The household registry (一户一档, /api/v1/streets, /communities, /buildings, /households,
// /registry): streets and their communities, buildings with their guide, household files with
// their residents (masked as the server decides for the reader's role), the vocabulary of tags
// and housing types, and the CSV import.
import { ApiError, request, upload, type Page, type QueryValue } from './client';
import type { Answer, Body, Item, With } from './types';

/** A community, with its counts; district and street are null when not on file. */
export type Community = Item<Answer<'get', '/api/v1/communities'>>;

/** A community as the public board names it. */
export type PublicCommunity = Item<Answer<'get', '/api/v1/public/communities'>>;

/** A street (街道) and the communities it owns. */
export type Street = With<Item<Answer<'get', '/api/v1/streets'>>, { district: string | null }>;

export type NewStreet = Body<'post', '/api/v1/streets'>;

export type NewCommunity = Body<'post', '/api/v1/communities'>;

/** An ID number someone without personal-data rights entered that another resident holds. */
export interface IdNumberDispute {
  id_number: string;
  holder_resident_id: number | null;
  holder_household_id: number | null;
}

type HouseholdAnswer = Answer<'get', '/api/v1/households/{id}'>;

/**
 * birth_date: staff and admins only (everyone else gets the year, never the date beside a
 * masked ID); id_number_dispute: staff and admins only, while the dispute is unsettled
 * (id_number is then null).
 */
export type Resident = With<
  HouseholdAnswer['residents'][number],
  { birth_date?: string | null; birth_year: number | null; id_number_dispute?: IdNumberDispute }
>;

/**
 * A household file; building and building_id are null for a household not yet placed in a
 * building, floor_area_dm2 (建筑面积 in dm², 8950 = 89.50 ㎡) when not on file. GET by id adds
 * the residents.
 */
export type Household = With<
  Omit<HouseholdAnswer, 'residents'>,
  { guide_user_id: number | null; skills: string[]; residents?: Resident[] }
>;

export type HouseholdChanges = Body<'patch', '/api/v1/households/{id}'>;

export type NewResident = Body<'post', '/api/v1/households/{id}/residents'>;

export type VocabularyEntry = Answer<'get', '/api/v1/registry/vocabulary'>['tags'][number];

export type Vocabulary = Answer<'get', '/api/v1/registry/vocabulary'> & { [list: string]: VocabularyEntry[] };

export interface ImportRowError {
  line: number;
  column: string;
  /** The sheet's Chinese header of the column ("收入档次"). */
  column_label?: string;
  code: string;
  /** Chinese first, then English: "中文 / English". */
  message: string;
  /** The values the column takes, when it takes a list. */
  allowed?: string[];
}

/** warnings: what imports but deserves a look (a new building, a household without its head). */
export type ImportReport = With<
  Answer<'post', '/api/v1/households/import'>,
  { errors: ImportRowError[]; warnings?: ImportRowError[] }
>;

/** An import the server refused as a whole (422 import_failed) still carries its row report. */
export class ImportRefused extends ApiError {
  readonly report: ImportReport;
  constructor(error: ApiError, report: ImportReport) {
    super(error.status, error.code, error.message, error.details);
    this.report = report;
  }
}

/** Sends the CSV untouched (UTF-8 or GBK, as the spreadsheet saved it): the server decodes it. */
async function importCsv(communityId: number, file: Blob, dryRun: boolean): Promise<ImportReport> {
  try {
    return await upload<ImportReport>('/households/import', file, {
      contentType: 'text/csv',
      query: { community_id: communityId, dry_run: dryRun ? 'true' : undefined },
    });
  } catch (error) {
    const report = error instanceof ApiError ? (error.details as ImportReport | undefined) : undefined;
    throw error instanceof ApiError && report && Array.isArray(report.errors) ? new ImportRefused(error, report) : error;
  }
}

/** guide_user_id: the guide whose patch the building is. */
export type Building = With<Item<Answer<'get', '/api/v1/communities/{id}/buildings'>>, { address: string | null }>;

export const registryApi = {
  streets: () => request<{ items: Street[] }>('/streets'),
  addStreet: (street: NewStreet) => request<Street>('/streets', { body: street }),
  updateStreet: (id: number, changes: { name?: string; district?: string }) =>
    request<Street>(`/streets/${id}`, { method: 'PATCH', body: changes }),
  communities: () => request<{ items: Community[] }>('/communities'),
  /** Every community's name and place, for anyone (the public board). */
  publicCommunities: () => request<{ items: PublicCommunity[] }>('/public/communities'),
  addCommunity: (community: NewCommunity) => request<Community>('/communities', { body: community }),
  buildings: (communityId: number) => request<{ items: Building[] }>(`/communities/${communityId}/buildings`),
  addBuilding: (communityId: number, name: string, address?: string) =>
    request<Building>(`/communities/${communityId}/buildings`, { body: address ? { name, address } : { name } }),
  /** Makes the building a guide's patch (its households follow), or clears it with null. */
  setBuildingGuide: (buildingId: number, userId: number | null) =>
    request<Building>(`/buildings/${buildingId}/guide`, { method: 'PUT', body: { user_id: userId } }),
  vocabulary: () => request<Vocabulary>('/registry/vocabulary'),
  households: (query: Record<string, QueryValue>) => request<Page<Household>>('/households', { query }),
  household: (id: number) => request<Household>(`/households/${id}`),
  /** Changes a household file; residents may change only needs, skills and willingness. */
  updateHousehold: (id: number, changes: HouseholdChanges) =>
    request<Household>(`/households/${id}`, { method: 'PATCH', body: changes }),
  /** Adds a member (guide, staff): an ID number already held elsewhere is 409 for staff. */
  addResident: (householdId: number, member: NewResident) =>
    request<Resident>(`/households/${householdId}/residents`, { body: member }),
  dryRunImport: (communityId: number, file: Blob) => importCsv(communityId, file, true),
  importHouseholds: (communityId: number, file: Blob) => importCsv(communityId, file, false),
};
