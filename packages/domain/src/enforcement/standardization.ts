import type { StandardizationLevel } from '@zhiben/contracts';
import { shanghaiDate } from '../calendar.js';

/**
 * The standardization level in force on `today`: a level is valid three years from its notice (应急〔2021〕83号,
 * regulations.md §5.2 [C]), so a level whose expiry date (inclusive, local) has passed counts as 未定级 for
 * classification and inspection caps. A level without a recorded expiry is taken as given.
 */
export function effectiveStandardizationLevel(level: StandardizationLevel, expiry: string | null, today: Date): StandardizationLevel {
  if (level === 'none' || expiry === null) return level;
  return expiry < shanghaiDate(today) ? 'none' : level;
}
