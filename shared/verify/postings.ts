/**
 * Posting lists (which passages hold a key) in typed arrays: an open-addressing hash of integer
 * keys (0 ≤ key < 2⁵³) while passages are added in order, then one compact array of ascending passage
 * numbers per key. Several times faster to build than a Map of arrays, which matters for a
 * 200-page source indexed while the user waits.
 */
export class Postings {
  private keys = new Float64Array(1 << 16).fill(-1);
  private counts = new Int32Array(1 << 16);
  private last = new Int32Array(1 << 16).fill(-1);
  private used = 0;
  private entrySlot: Int32Array = new Int32Array(1 << 16);
  private entryPassage: Int32Array = new Int32Array(1 << 16);
  private entries = 0;
  private offsets: Int32Array | null = null;
  private lists: Int32Array | null = null;

  /** Records that passage `p` holds `key`; passages must come in ascending order. */
  add(key: number, p: number): void {
    let slot = this.find(key);
    if (slot < 0) slot = this.insert(key);
    if (this.last[slot] === p) return;
    this.last[slot] = p;
    this.counts[slot]!++;
    if (this.entries === this.entrySlot.length) {
      this.entrySlot = grow(this.entrySlot);
      this.entryPassage = grow(this.entryPassage);
    }
    this.entrySlot[this.entries] = slot;
    this.entryPassage[this.entries++] = p;
  }

  /** Lays the lists out once every passage is added. */
  seal(): void {
    const offsets = new Int32Array(this.keys.length + 1);
    for (let s = 0; s < this.keys.length; s++) offsets[s + 1] = offsets[s]! + this.counts[s]!;
    const fill = offsets.slice(0, -1);
    const lists = new Int32Array(this.entries);
    for (let e = 0; e < this.entries; e++) lists[fill[this.entrySlot[e]!]!++] = this.entryPassage[e]!;
    this.offsets = offsets;
    this.lists = lists;
    this.entrySlot = new Int32Array(0);
    this.entryPassage = new Int32Array(0);
  }

  /** The passages holding `key`, ascending (empty when none). */
  get(key: number): Int32Array {
    const slot = this.find(key);
    if (slot < 0 || !this.offsets || !this.lists) return EMPTY;
    return this.lists.subarray(this.offsets[slot]!, this.offsets[slot + 1]!);
  }

  private find(key: number): number {
    const mask = this.keys.length - 1;
    for (let slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
      const k = this.keys[slot]!;
      if (k === key) return slot;
      if (k === -1) return -1;
    }
  }

  private insert(key: number): number {
    if ((this.used + 1) * 2 > this.keys.length) this.rehash();
    const mask = this.keys.length - 1;
    let slot = hash(key) & mask;
    while (this.keys[slot] !== -1) slot = (slot + 1) & mask;
    this.keys[slot] = key;
    this.used++;
    return slot;
  }

  private rehash(): void {
    const { keys, counts, last } = this;
    const size = keys.length * 2;
    this.keys = new Float64Array(size).fill(-1);
    this.counts = new Int32Array(size);
    this.last = new Int32Array(size).fill(-1);
    const moved = new Int32Array(keys.length);
    for (let s = 0; s < keys.length; s++) {
      if (keys[s] === -1) continue;
      let slot = hash(keys[s]!) & (size - 1);
      while (this.keys[slot] !== -1) slot = (slot + 1) & (size - 1);
      this.keys[slot] = keys[s]!;
      this.counts[slot] = counts[s]!;
      this.last[slot] = last[s]!;
      moved[s] = slot;
    }
    for (let e = 0; e < this.entries; e++) this.entrySlot[e] = moved[this.entrySlot[e]!]!;
  }
}

const EMPTY = new Int32Array(0);

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function hash(key: number): number {
  const high = Math.floor(key / 0x100000000);
  const h = Math.imul((key >>> 0) ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
}
