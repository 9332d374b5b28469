/**
 * The little CBOR that Pagefind's index files are made of (RFC 8949:
 * unsigned and negative integers, text, arrays; definite lengths only, as
 * Pagefind's encoder writes them). Written here rather than taken from a
 * library because merging bundles (merge-bundles.ts) must copy most of an
 * index chunk through untouched, as bytes: a decoder that builds values
 * would hold every word position of the archive in memory (hundreds of
 * millions at 50,000 articles).
 */

const UINT = 0;
const NEGINT = 1;
const BYTES = 2;
const TEXT = 3;
const ARRAY = 4;
const MAP = 5;
const TAG = 6;
const SIMPLE = 7;

export class CborError extends Error {}

/** Reads items one after another from `buf`, from `pos`. */
export class CborReader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}

  private byte(): number {
    if (this.pos >= this.buf.length) throw new CborError(`CBOR ends early at byte ${this.pos}`);
    return this.buf[this.pos++]!;
  }

  /** An item's major type and argument (a length, or an integer's value). */
  head(): { major: number; arg: number } {
    const first = this.byte();
    const major = first >> 5;
    const info = first & 31;
    if (info < 24) return { major, arg: info };
    if (info > 27)
      throw new CborError(`CBOR item ${first.toString(16)} at byte ${this.pos - 1} not supported`);
    const size = 1 << (info - 24);
    let arg = 0;
    for (let i = 0; i < size; i++) arg = arg * 256 + this.byte();
    if (!Number.isSafeInteger(arg)) throw new CborError(`CBOR number too large at ${this.pos}`);
    return { major, arg };
  }

  private expect(major: number, what: string): number {
    const at = this.pos;
    const h = this.head();
    if (h.major !== major)
      throw new CborError(`expected ${what} at byte ${at}, found type ${h.major}`);
    return h.arg;
  }

  uint(): number {
    return this.expect(UINT, 'an unsigned integer');
  }

  array(): number {
    return this.expect(ARRAY, 'an array');
  }

  text(): string {
    const n = this.expect(TEXT, 'text');
    if (this.pos + n > this.buf.length) throw new CborError(`CBOR text runs past the end`);
    const s = Buffer.from(this.buf.buffer, this.buf.byteOffset + this.pos, n).toString('utf8');
    this.pos += n;
    return s;
  }

  /** Skips one item; for an array, returns how many items it held (else 0). */
  skip(): number {
    const { major, arg } = this.head();
    switch (major) {
      case UINT:
      case NEGINT:
      case SIMPLE:
        return 0;
      case BYTES:
      case TEXT:
        if (this.pos + arg > this.buf.length) throw new CborError(`CBOR string runs past the end`);
        this.pos += arg;
        return 0;
      case ARRAY:
        for (let i = 0; i < arg; i++) this.skip();
        return arg;
      case MAP:
        for (let i = 0; i < arg * 2; i++) this.skip();
        return 0;
      case TAG:
        this.skip();
        return 0;
    }
    throw new CborError(`unknown CBOR type ${major}`);
  }

  /** A whole item as a value: numbers, text and arrays of them (what metadata and filters hold). */
  value(): CborValue {
    const at = this.pos;
    const { major, arg } = this.head();
    if (major === UINT) return arg;
    if (major === NEGINT) return -1 - arg;
    if (major === TEXT) {
      this.pos = at;
      return this.text();
    }
    if (major === ARRAY) {
      const out: CborValue[] = [];
      for (let i = 0; i < arg; i++) out.push(this.value());
      return out;
    }
    throw new CborError(`CBOR type ${major} at byte ${at} not expected here`);
  }
}

export type CborValue = number | string | CborValue[];

/** Writes items into growing chunks; `bytes()` joins them. */
export class CborWriter {
  private parts: Uint8Array[] = [];
  private scratch = Buffer.allocUnsafe(16384);
  private used = 0;

  private flush() {
    if (!this.used) return;
    // The filled part is kept as it is; writing goes on in a fresh buffer.
    this.parts.push(this.scratch.subarray(0, this.used));
    this.scratch = Buffer.allocUnsafe(this.scratch.length);
    this.used = 0;
  }

  private put(b: number) {
    if (this.used === this.scratch.length) this.flush();
    this.scratch[this.used++] = b;
  }

  /** A head with the shortest argument, as Pagefind's encoder (minicbor) writes it. */
  head(major: number, arg: number): this {
    const m = major << 5;
    if (arg < 24) this.put(m | arg);
    else if (arg < 0x100) {
      this.put(m | 24);
      this.put(arg);
    } else if (arg < 0x10000) {
      this.put(m | 25);
      this.put(arg >> 8);
      this.put(arg & 0xff);
    } else if (arg < 0x100000000) {
      this.put(m | 26);
      for (let s = 24; s >= 0; s -= 8) this.put(Math.floor(arg / 2 ** s) & 0xff);
    } else {
      this.put(m | 27);
      for (let s = 56; s >= 0; s -= 8) this.put(Math.floor(arg / 2 ** s) & 0xff);
    }
    return this;
  }

  uint(n: number): this {
    return this.head(UINT, n);
  }

  int(n: number): this {
    return n < 0 ? this.head(NEGINT, -1 - n) : this.head(UINT, n);
  }

  array(n: number): this {
    return this.head(ARRAY, n);
  }

  text(s: string): this {
    const b = Buffer.from(s, 'utf8');
    this.head(TEXT, b.length);
    return this.raw(b);
  }

  raw(b: Uint8Array): this {
    if (b.length > this.scratch.length - this.used) {
      this.flush();
      if (b.length > this.scratch.length) {
        this.parts.push(b);
        return this;
      }
    }
    this.scratch.set(b, this.used);
    this.used += b.length;
    return this;
  }

  value(v: CborValue): this {
    if (typeof v === 'number') return this.int(v);
    if (typeof v === 'string') return this.text(v);
    this.array(v.length);
    for (const x of v) this.value(x);
    return this;
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks());
  }

  /** What was written, in pieces (no copy of them all into one). */
  chunks(): Uint8Array[] {
    this.flush();
    return this.parts;
  }
}
