// Deterministic randomness for the demo data set (db/seed/demo.ts): mulberry32 streams for
// choices and for ids. The order of draws is part of the output: do not reorder calls.
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32 */
  u32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  next(): number {
    return this.u32() / 4294967296;
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, Math.min(n, items.length));
  }
}

export class IdSource {
  private rng: Rng;
  constructor(seed: number) {
    this.rng = new Rng(seed);
  }
  /** 80 bits as 16 lower-case base32 characters, the shape of app ids. */
  next(): string {
    const bytes = new Uint8Array(12);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, this.rng.u32());
    view.setUint32(4, this.rng.u32());
    view.setUint32(8, this.rng.u32());
    return encodeBase32LowerCaseNoPadding(bytes.subarray(0, 10));
  }
}
