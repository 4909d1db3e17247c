// Words for the online hall's refusals: a `voting_closed` at an online meeting means it ended
// (hall.errors.*), other codes read as on every participation page.
import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/client';
import type { Activity } from '../api/participation';
import { hallErrorKey } from '../lib/onlineHall';
import { usePartWords } from './participation';

export function useHallError() {
  const { t } = useI18n();
  const { partError } = usePartWords();
  return (error: unknown, meeting?: Pick<Activity, 'channel'> | null): string => {
    if (error instanceof ApiError) {
      const key = hallErrorKey(error.code, meeting);
      if (key) return t(key);
    }
    return partError(error);
  };
}
