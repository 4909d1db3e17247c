// The audit chain (/api/v1/ledger/…): the newest link's sequence number and hash, which anyone
// may write down and later check the chain against, and the server's signed checkpoints of it.
import { request } from './client';
import type { Answer, With } from './types';

export type LedgerHead = Answer<'get', '/api/v1/ledger/head'>;

type CheckpointsAnswer = Answer<'get', '/api/v1/ledger/checkpoints'>;

/** The server's Ed25519 signature over the audit chain's head at one moment: a file to keep. */
export type LedgerCheckpoint = CheckpointsAnswer['checkpoints'][number];

/** public_key: the key this server signs with now (null when it holds none); checkpoints newest first. */
export type LedgerCheckpoints = With<CheckpointsAnswer, { public_key: string | null }>;

export const auditApi = {
  ledgerHead: () => request<LedgerHead>('/ledger/head'),
  ledgerCheckpoints: (limit?: number) =>
    request<LedgerCheckpoints>('/ledger/checkpoints', { query: { limit } }),
};
