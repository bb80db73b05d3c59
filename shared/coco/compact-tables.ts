/**
 * Small typed-array containers for the checker: a file may hold a million images and a million
 * annotations, and the check must stay within a few tens of megabytes, so ids, sizes and
 * references are kept as numbers in flat arrays rather than as objects or strings.
 */

/** A Float64Array that grows as values are pushed. */
export class GrowableFloat64 {
  private data = new Float64Array(16);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** NaN past the end. */
  get(index: number): number {
    return index < this.length ? (this.data[index] ?? NaN) : NaN;
  }
}

const EMPTY = -1;
const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);

function hashNumber(key: number): number {
  if ((key | 0) === key) return Math.imul(key ^ (key >>> 16), 0x45d9f3b) >>> 0;
  scratch[0] = key;
  return (
    Math.imul((scratchWords[0] ?? 0) ^ Math.imul(scratchWords[1] ?? 0, 0x27d4eb2d), 0x45d9f3b) >>> 0
  );
}

/** Ids below this are kept by direct addressing: 4 bytes per id up to the largest one. */
const DENSE_LIMIT = 1 << 22;

function isDense(key: number): boolean {
  return key >= 0 && key < DENSE_LIMIT && (key | 0) === key;
}

/**
 * A map from a number (an id, a name's hash) to the index of the entry that first had it.
 * Ids as COCO wants them (1..N) go into a plain array indexed by id; any other number into an
 * open-addressing table over two typed arrays (about 24 bytes per key at worst).
 */
export class NumberIndex {
  /** By id: index + 1; 0 for none. */
  private dense = new Int32Array(0);
  private keys = new Float64Array(16);
  private values = new Int32Array(16).fill(EMPTY);
  private mask = 15;
  private hashed = 0;
  size = 0;

  /** The index stored for key, or -1. */
  get(key: number): number {
    if (isDense(key)) return (this.dense[key] ?? 0) - 1;
    const k = key;
    let slot = hashNumber(k) & this.mask;
    for (;;) {
      const value = this.values[slot] ?? EMPTY;
      if (value === EMPTY) return EMPTY;
      if (this.keys[slot] === k) return value;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Stores index for key unless key is there already; returns the index stored before, or -1. */
  addIfAbsent(key: number, index: number): number {
    if (isDense(key)) {
      if (key >= this.dense.length) this.growDense(key);
      const stored = this.dense[key] ?? 0;
      if (stored !== 0) return stored - 1;
      this.dense[key] = index + 1;
      this.size += 1;
      return EMPTY;
    }
    const k = key;
    let slot = hashNumber(k) & this.mask;
    for (;;) {
      const value = this.values[slot] ?? EMPTY;
      if (value === EMPTY) break;
      if (this.keys[slot] === k) return value;
      slot = (slot + 1) & this.mask;
    }
    this.keys[slot] = k;
    this.values[slot] = index;
    this.size += 1;
    this.hashed += 1;
    if (this.hashed * 2 > this.mask) this.grow();
    return EMPTY;
  }

  forEach(visit: (key: number, index: number) => void): void {
    const dense = this.dense;
    for (let key = 0; key < dense.length; key++) {
      const stored = dense[key] ?? 0;
      if (stored !== 0) visit(key, stored - 1);
    }
    for (let slot = 0; slot <= this.mask; slot++) {
      const value = this.values[slot] ?? EMPTY;
      if (value !== EMPTY) visit(this.keys[slot] ?? NaN, value);
    }
  }

  private growDense(key: number): void {
    let length = Math.max(1024, this.dense.length);
    while (length <= key) length *= 2;
    const bigger = new Int32Array(Math.min(length, DENSE_LIMIT));
    bigger.set(this.dense);
    this.dense = bigger;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const capacity = oldValues.length * 2;
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
    for (let slot = 0; slot < oldValues.length; slot++) {
      const value = oldValues[slot] ?? EMPTY;
      if (value === EMPTY) continue;
      const key = oldKeys[slot] ?? NaN;
      let target = hashNumber(key) & this.mask;
      while ((this.values[target] ?? EMPTY) !== EMPTY) target = (target + 1) & this.mask;
      this.keys[target] = key;
      this.values[target] = value;
    }
  }
}

/**
 * A 53-bit hash of a string (cyrb53, public domain), so names can be compared for duplicates
 * without keeping a million strings; among a million names, two share a hash with odds of
 * about 1 in 20,000, which at worst adds one wrong "duplicate name" warning.
 */
export function hashString(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The UTF-8 length of a string, to count the bytes of a file handed over as text. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
