import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

/** Every date and time on screen is shown in the bureau's time zone, whatever the browser's. */
export const APP_TZ = 'Asia/Shanghai';

function inAppTz(value: string | Date | Dayjs): Dayjs {
  return dayjs(value).tz(APP_TZ);
}

/** `YYYY-MM-DD`, or an em dash for empty values. */
export function formatDate(value: string | Date | null | undefined): string {
  return value ? inAppTz(value).format('YYYY-MM-DD') : '—';
}

/** `YYYY-MM-DD HH:mm`, or an em dash for empty values. */
export function formatDateTime(value: string | Date | null | undefined): string {
  return value ? inAppTz(value).format('YYYY-MM-DD HH:mm') : '—';
}

/** `YYYY-MM-DD HH:mm:ss` (audit log). */
export function formatDateTimeSeconds(value: string | Date | null | undefined): string {
  return value ? inAppTz(value).format('YYYY-MM-DD HH:mm:ss') : '—';
}

/** The first instant of a calendar day (`YYYY-MM-DD`) in the app time zone, as ISO with offset. */
export function startOfDayIso(day: string): string {
  return dayjs.tz(`${day} 00:00:00`, APP_TZ).format();
}

/** The last second of a calendar day (`YYYY-MM-DD`) in the app time zone, as ISO with offset. */
export function endOfDayIso(day: string): string {
  return dayjs.tz(`${day} 23:59:59`, APP_TZ).format();
}

/** Whether an ISO instant lies in the future. */
export function isFuture(value: string | null | undefined): boolean {
  return !!value && dayjs(value).isAfter(dayjs());
}

/** Presets of a day-range picker, computed when it renders, so "today" is today even on a page left open overnight. */
export function dayRangePresets(): { label: string; value: [Dayjs, Dayjs] }[] {
  const today = dayjs();
  return [
    { label: '今天', value: [today.startOf('day'), today.endOf('day')] },
    { label: '最近 7 天', value: [today.subtract(6, 'day').startOf('day'), today.endOf('day')] },
    { label: '最近 30 天', value: [today.subtract(29, 'day').startOf('day'), today.endOf('day')] },
  ];
}

export { dayjs };
