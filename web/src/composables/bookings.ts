// 场地预约's words: a room kind's and a booking status's name, lengths ("1小时30分钟"), days
// ("12-10 周四") and spans in Shanghai time, a room's rules in a sentence, and the server's
// refusals in the reader's language (bookings.errors.<code> first).
import { useI18n } from 'vue-i18n';
import type { Booking, Room } from '../api/bookings';
import { minutesToClock, shanghaiClock, splitMinutes, weekdayOf } from '../lib/slots';
import { shanghaiDate } from '../lib/time';
import { useSectionErrorText } from './sectionErrors';

export function useBookingWords() {
  const { t, te } = useI18n();
  const errorText = useSectionErrorText('bookings');
  const lengthText = (minutes: number): string => {
    const { hours, minutes: rest } = splitMinutes(minutes);
    if (hours && rest) return t('bookings.length.both', { hours, minutes: rest });
    return hours ? t('bookings.length.hours', { hours }) : t('bookings.length.minutes', { minutes: rest });
  };
  /** "12-10 周四". */
  const dayText = (day: string): string =>
    t('bookings.book.dayLabel', { date: day.slice(5), weekday: t(`bookings.weekday.d${weekdayOf(day)}`) });
  return {
    kindLabel: (kind: string): string => (te(`bookings.kind.${kind}`) ? t(`bookings.kind.${kind}`) : kind),
    statusLabel: (status: string): string => (te(`bookings.status.${status}`) ? t(`bookings.status.${status}`) : status),
    lengthText,
    dayText,
    weekdayText: (day: string): string => t(`bookings.weekday.d${weekdayOf(day)}`),
    /** "开放 08:00–21:00". */
    hoursText: (room: Pick<Room, 'opens_minute' | 'closes_minute'>): string =>
      t('bookings.room.hours', { opens: minutesToClock(room.opens_minute), closes: minutesToClock(room.closes_minute) }),
    rulesText: (room: Room): string =>
      t('bookings.room.rules', { length: lengthText(room.max_minutes), count: room.max_per_week, days: room.advance_days }),
    /** "12-10 周四 09:00–10:30" in Shanghai. */
    whenText: (booking: Pick<Booking, 'starts_at' | 'ends_at'>): string => {
      const from = Date.parse(booking.starts_at);
      return `${dayText(shanghaiDate(from))} ${shanghaiClock(from)}–${shanghaiClock(Date.parse(booking.ends_at))}`;
    },
    errorText,
  };
}
