// The audit chain (/api/v1/ledger/…): the newest link's sequence number and hash, which anyone
// may write down and later check the chain against, and the server's signed checkpoints of it.
import { request } from './client';

export interface LedgerHead {
  seq: number;
  hash: string;
}

/** The server's Ed25519 signature over the audit chain's head at one moment: a file to keep. */
export interface LedgerCheckpoint {
  format: string;
  algorithm: string;
  seq: number;
  hash: string;
  time: string;
  public_key: string;
  signature: string;
}

export interface LedgerCheckpoints {
  format: string;
  algorithm: string;
  /** The key this server signs with now (null when it holds none). */
  public_key: string | null;
  head: LedgerHead;
  /** Newest first. */
  checkpoints: LedgerCheckpoint[];
}

export const auditApi = {
  ledgerHead: () => request<LedgerHead>('/ledger/head'),
  ledgerCheckpoints: (limit?: number) =>
    request<LedgerCheckpoints>('/ledger/checkpoints', { query: { limit } }),
};
