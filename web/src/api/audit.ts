// The audit chain (/api/v1/ledger/head): the newest link's sequence number and hash, which
// anyone may write down and later check the chain against.
import { request } from './client';

export interface LedgerHead {
  seq: number;
  hash: string;
}

export const auditApi = {
  ledgerHead: () => request<LedgerHead>('/ledger/head'),
};
