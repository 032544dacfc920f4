import type { RecomputeResultDto } from '@zhiben/contracts';
import type { Db } from '@zhiben/db';
import { mutate } from '../../platform/context.js';
import { recomputeClasses } from './recompute.js';

const SYSTEM_ACTOR = { actorId: null, actorUsername: 'system', requestId: null, ip: null };

/** The nightly run: every enterprise reclassified from its live facts, one audit row with the summary. */
export function runNightlyClassification(db: Db, now: Date): Promise<RecomputeResultDto> {
  return mutate(
    db,
    SYSTEM_ACTOR,
    () => now,
    async (tx) => {
      const result = await recomputeClasses(tx, { now, trigger: 'nightly', actor: { id: null, name: '系统' } });
      return {
        result,
        audit: {
          action: 'classification.recomputed',
          entityType: 'classification',
          entityId: null,
          after: { trigger: 'nightly', enterprises: result.enterprises, changed: result.changed, byClass: result.byClass },
        },
      };
    },
  );
}
