import { z } from 'zod';
import { PENALTY_TYPES } from './cases.js';

/** `GET /api/v1/enforcement/stats?year=`: plan progress, findings per inspection, penalties (issue #7 item 8). */
export const enforcementStatsQuery = z.object({ year: z.coerce.number().int().min(2020).max(2100).optional() });

export const enforcementStatsDto = z.object({
  year: z.number().int(),
  plan: z.object({ id: z.string(), status: z.string(), plannedInspections: z.number().int(), enterprises: z.number().int() }).nullable(),
  /** Month 1..12 (Asia/Shanghai): inspections started; planned = the plan's inspections of quarters ended by then. */
  byMonth: z.array(
    z.object({
      month: z.number().int(),
      done: z.number().int(),
      doneCumulative: z.number().int(),
      plannedCumulative: z.number().int(),
    }),
  ),
  byOfficer: z.array(
    z.object({
      officerId: z.string(),
      name: z.string(),
      tasks: z.number().int(),
      started: z.number().int(),
      closed: z.number().int(),
      findings: z.number().int(),
    }),
  ),
  findings: z.object({
    inspections: z.number().int(),
    findings: z.number().int(),
    major: z.number().int(),
    /** Findings per started inspection (two decimals). */
    average: z.number(),
    /** How many inspections found 0, 1, 2, … (5 = five or more). */
    distribution: z.array(z.object({ findings: z.number().int(), inspections: z.number().int() })),
  }),
  penalties: z.object({
    byType: z.array(z.object({ type: z.enum(PENALTY_TYPES), decisions: z.number().int(), fineFen: z.number().int() })),
    cases: z.number().int(),
    decisions: z.number().int(),
    dualPenaltyCases: z.number().int(),
    fineFen: z.number().int(),
    paidFen: z.number().int(),
  }),
});
export type EnforcementStatsDto = z.infer<typeof enforcementStatsDto>;
