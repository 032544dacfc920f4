import { type CollectorType, DEVICE_PROFILES, PROFILE_OF_COLLECTOR, type ProfileCode, SIGNALS, type SignalCode } from '@zhiben/contracts';
import { schema, type Tx } from '@zhiben/db';
import { and, eq } from 'drizzle-orm';

export type SignalPlan = { ok: true; profile: ProfileCode; signals: SignalCode[] } | { ok: false; message: string };

/**
 * The signals a device reports: its profile's mandatory ones (必选参数 of the 接入规范, regulations.md §2.2 — they
 * cannot be switched off) plus the optional ones asked for, each of which must belong to the profile.
 */
export function planSignals(collectorType: CollectorType, optional: readonly string[]): SignalPlan {
  const profile = PROFILE_OF_COLLECTOR[collectorType];
  const spec = DEVICE_PROFILES[profile];
  const allowed = new Set<string>([...spec.mandatorySignals, ...spec.optionalSignals]);
  const wrong = optional.filter((s) => !allowed.has(s));
  if (wrong.length > 0) {
    const names = wrong.map((s) => (s in SIGNALS ? SIGNALS[s as SignalCode].label : s)).join('、');
    return { ok: false, message: `${spec.label}没有这些监测项：${names}` };
  }
  const signals = [...new Set<SignalCode>([...spec.mandatorySignals, ...(optional as SignalCode[])])];
  return { ok: true, profile, signals };
}

/** The optional part of a stored signal list (what the form and the import show as 可选监测项). */
export function optionalPart(profile: ProfileCode, signals: readonly string[]): string[] {
  const mandatory = new Set<string>(DEVICE_PROFILES[profile].mandatorySignals);
  return signals.filter((s) => !mandatory.has(s));
}

/** 除尘系统 by name within the enterprise, created on first use. */
export async function systemIdFor(tx: Tx, enterpriseId: string, name: string | null | undefined): Promise<string | null> {
  const trimmed = name?.trim();
  if (!trimmed) return null;
  await tx.insert(schema.dustSystems).values({ enterpriseId, name: trimmed }).onConflictDoNothing();
  const [row] = await tx
    .select({ id: schema.dustSystems.id })
    .from(schema.dustSystems)
    .where(and(eq(schema.dustSystems.enterpriseId, enterpriseId), eq(schema.dustSystems.name, trimmed)));
  return row?.id ?? null;
}
