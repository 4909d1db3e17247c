// What the transparency board (BoardView) shows: the community's board and its public notices,
// fetched together. The router starts it while the board's code is still on its way
// (lib/prefetch.ts), since both are open to anyone.
import type { LocationQuery } from 'vue-router';
import { ApiError } from '../api/client';
import { transparencyApi, type CommunityBoard, type PublicNotice } from '../api/transparency';

/** ?community_id= of the board's address, 1 by default. */
export function boardCommunityId(query: LocationQuery): number {
  const raw = Number(query.community_id);
  return Number.isInteger(raw) && raw > 0 ? raw : 1;
}

export interface BoardPage {
  /** Null: the community has no published plan yet. */
  board: CommunityBoard | null;
  notices: PublicNotice[];
}

export async function fetchBoardPage(communityId: number): Promise<BoardPage> {
  const [answer, noticeList] = await Promise.all([
    transparencyApi.communityBoard(communityId).catch((caught: unknown) => {
      // A community without any published plan has nothing to show yet.
      if (caught instanceof ApiError && caught.status === 404) return null;
      throw caught;
    }),
    transparencyApi.publicNotices(communityId),
  ]);
  return { board: answer && answer.plan ? answer : null, notices: noticeList.items };
}

export const boardPageKey = (communityId: number) => `board:${communityId}`;
