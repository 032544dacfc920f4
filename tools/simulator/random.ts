/**
 * A seeded pseudo-random generator whose whole state is one 32-bit number, so a device's model state stays plain
 * data (copyable, comparable) and the same seed always gives the same series. mulberry32: tiny, fast and good enough
 * for sensor noise; not for anything secret.
 */

/** One draw: a uniform number in [0, 1) and the next state. */
export function nextUniform(state: number): [number, number] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let r = Math.imul(next ^ (next >>> 15), next | 1);
  r ^= r + Math.imul(r ^ (r >>> 7), r | 61);
  return [((r ^ (r >>> 14)) >>> 0) / 4_294_967_296, next];
}

/** A standard normal draw (Box–Muller) and the next state. */
export function nextGaussian(state: number): [number, number] {
  const [u1, s1] = nextUniform(state);
  const [u2, s2] = nextUniform(s1);
  // 1 - u1 is in (0, 1]: the logarithm never sees 0.
  return [Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2), s2];
}

/** FNV-1a of a string mixed with a seed: a device's own stream, independent of the order devices are listed in. */
export function seedFor(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A small sequential generator for set-up code (parameters, shuffles) where threading the state by hand is noise. */
export class Rng {
  constructor(private state: number) {}

  uniform(): number {
    const [u, next] = nextUniform(this.state);
    this.state = next;
    return u;
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.uniform();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }
}
