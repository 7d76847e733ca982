/** A small seeded PRNG (mulberry32): the same seed always gives the same data. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Rng.pick: empty list');
    return item;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** `count` decimal digits (the first may be 0 unless `leadingNonZero`). */
  digits(count: number, leadingNonZero = false): string {
    let out = '';
    for (let i = 0; i < count; i++) {
      out += String(i === 0 && leadingNonZero ? this.int(1, 9) : this.int(0, 9));
    }
    return out;
  }

  /** Characters drawn from `alphabet`. */
  chars(count: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < count; i++) out += alphabet.charAt(this.int(0, alphabet.length - 1));
    return out;
  }

  /** A version-4-shaped UUID (lower-case hex). */
  uuid(): string {
    const hex = this.chars(32, '0123456789abcdef');
    const variant = '89ab'.charAt(this.int(0, 3));
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}
