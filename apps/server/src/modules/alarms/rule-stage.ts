import type { Reading } from '@zhiben/domain';
import type { BatchProcessor } from '../telemetry/index.js';
import type { RuleRunner } from './rule-runner.js';

/**
 * The alarm stage of the telemetry batch (BatchWriter.use): runs inside the batch transaction with the readings the
 * batch actually inserted (never a duplicate), so rule state, alarms and readings commit together — a crash loses
 * none of them and a resend (QoS 1 redelivery, HTTP retry) is a duplicate that never reaches the rules twice.
 */
export function ruleStage(runner: RuleRunner): BatchProcessor {
  return {
    name: 'alarm-rules',
    async process(tx, readings, { now }) {
      const byDevice = new Map<string, Reading[]>();
      for (const r of readings) {
        const list = byDevice.get(r.deviceId);
        // A StoredReading is a Reading (signal, ts, value) with more fields: no copy per reading.
        if (list === undefined) byDevice.set(r.deviceId, [r]);
        else list.push(r);
      }
      await runner.run(tx, byDevice, now);
    },
  };
}
