import { type Db, schema } from '@zhiben/db';
import { and, eq } from 'drizzle-orm';
import { secretMatches } from '../devices/index.js';

/** What the ingestion path needs to know about a device; cached, so the hot path does not query per message. */
export interface DeviceInfo {
  id: string;
  enterpriseId: string;
  creditCode: string;
  code: string;
  active: boolean;
  signals: ReadonlySet<string>;
  secretHash: string;
  reportingIntervalS: number;
  profile: string;
}

export interface DeviceLookup {
  device: DeviceInfo | null;
  /** The enterprise named by the credit code, when it exists (for counting rejections against it). */
  enterpriseId: string | null;
}

export type AuthOutcome =
  | { ok: true; device: DeviceInfo }
  | { ok: false; reason: 'unknown_device' | 'bad_credentials'; enterpriseId: string | null; deviceId: string | null };

/** `{creditCode}/{deviceCode}` — the MQTT user name and the HTTP token's first part. */
export function parseDeviceKey(key: string | undefined): { creditCode: string; deviceCode: string } | null {
  if (!key) return null;
  const slash = key.indexOf('/');
  if (slash <= 0 || slash !== key.lastIndexOf('/') || slash === key.length - 1) return null;
  return { creditCode: key.slice(0, slash).toUpperCase(), deviceCode: key.slice(slash + 1) };
}

/** Cache bound: far above any district's device count, so only invented keys ever reach it. */
const MAX_ENTRIES = 100_000;

export interface RegistryOptions {
  /** How long a found device stays cached; a change on another instance takes effect within this time. */
  ttlMs?: number;
  /** How long "no such device" is remembered, so a misconfigured sender cannot hammer the database. */
  negativeTtlMs?: number;
}

/**
 * Device lookups for authentication and topic checks, cached per `{creditCode}/{deviceCode}`. Concurrent misses
 * for one key share one query. Changes made through this instance (rotation, disabling, signal edits) invalidate
 * at once and notify listeners (the embedded broker disconnects the device's sessions); other instances see them
 * within `ttlMs`.
 */
export class DeviceRegistry {
  private readonly cache = new Map<string, { value: DeviceLookup; expires: number }>();
  private readonly inflight = new Map<string, Promise<DeviceLookup>>();
  private readonly listeners = new Set<(deviceId: string | null) => void>();
  private readonly ttlMs: number;
  private readonly negativeTtlMs: number;

  constructor(
    private readonly db: Db,
    options: RegistryOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.negativeTtlMs = options.negativeTtlMs ?? 5_000;
  }

  async lookup(creditCode: string, deviceCode: string): Promise<DeviceLookup> {
    const key = `${creditCode.toUpperCase()}/${deviceCode}`;
    const hit = this.cache.get(key);
    if (hit && hit.expires > Date.now()) return hit.value;
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const query = this.load(creditCode.toUpperCase(), deviceCode)
      .then((value) => {
        if (this.cache.size >= MAX_ENTRIES) this.prune();
        this.cache.set(key, { value, expires: Date.now() + (value.device ? this.ttlMs : this.negativeTtlMs) });
        return value;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, query);
    return query;
  }

  /** Checks `{creditCode}/{deviceCode}` + secret. A disabled device is treated as unknown (it may not send). */
  async authenticate(username: string | undefined, secret: string | Buffer | undefined): Promise<AuthOutcome> {
    const key = parseDeviceKey(username);
    if (!key) return { ok: false, reason: 'unknown_device', enterpriseId: null, deviceId: null };
    const { device, enterpriseId } = await this.lookup(key.creditCode, key.deviceCode);
    if (!device?.active) return { ok: false, reason: 'unknown_device', enterpriseId, deviceId: device?.id ?? null };
    if (!secret || !secretMatches(secret, device.secretHash)) {
      return { ok: false, reason: 'bad_credentials', enterpriseId, deviceId: device.id };
    }
    return { ok: true, device };
  }

  /** Forgets a device (or everything when `deviceId` is null) and tells the listeners. */
  invalidate(deviceId: string | null): void {
    for (const [key, entry] of this.cache) {
      if (deviceId === null || entry.value.device?.id === deviceId || !entry.value.device) this.cache.delete(key);
    }
    for (const listener of this.listeners) listener(deviceId);
  }

  /** Drops expired entries; if a flood of invented device keys still fills the cache, starts it afresh. */
  private prune(): void {
    const now = Date.now();
    for (const [key, entry] of this.cache) if (entry.expires <= now) this.cache.delete(key);
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
  }

  onInvalidate(listener: (deviceId: string | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async load(creditCode: string, deviceCode: string): Promise<DeviceLookup> {
    const { devices, enterprises } = schema;
    const [row] = await this.db
      .select({
        id: devices.id,
        enterpriseId: devices.enterpriseId,
        code: devices.code,
        status: devices.status,
        signals: devices.signals,
        secretHash: devices.secretHash,
        reportingIntervalS: devices.reportingIntervalS,
        profile: devices.profile,
        creditCode: enterprises.creditCode,
      })
      .from(devices)
      .innerJoin(enterprises, eq(enterprises.id, devices.enterpriseId))
      .where(and(eq(enterprises.creditCode, creditCode), eq(devices.code, deviceCode)));
    if (row) {
      return {
        enterpriseId: row.enterpriseId,
        device: {
          id: row.id,
          enterpriseId: row.enterpriseId,
          creditCode: row.creditCode,
          code: row.code,
          active: row.status === 'active',
          signals: new Set(row.signals),
          secretHash: row.secretHash,
          reportingIntervalS: row.reportingIntervalS,
          profile: row.profile,
        },
      };
    }
    const [enterprise] = await this.db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.creditCode, creditCode));
    return { device: null, enterpriseId: enterprise?.id ?? null };
  }
}
