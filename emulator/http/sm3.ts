// SM3 (GB/T 32905-2016) and HMAC-SM3 (RFC 2104 over SM3), for ACS3-HMAC-SM3 signatures. Node's
// crypto offers "sm3" only when its OpenSSL has it: an OpenSSL configured with no-sm3, or one
// restricted to its FIPS provider, leaves it out. The emulator must verify SM3 signatures on every
// Node it runs on, so it carries this small implementation and prefers OpenSSL's native (faster)
// one only where that exists; tests/unit/emulatorSm3.test.ts holds both to the standard's vectors.
import { createHash, createHmac, getHashes } from "node:crypto";

const BLOCK_BYTES = 64;
const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];

const rotl = (x: number, n: number): number => {
  const s = n % 32;
  return s === 0 ? x >>> 0 : ((x << s) | (x >>> (32 - s))) >>> 0;
};
const p0 = (x: number): number => (x ^ rotl(x, 9) ^ rotl(x, 17)) >>> 0;
const p1 = (x: number): number => (x ^ rotl(x, 15) ^ rotl(x, 23)) >>> 0;

/** T_j rotated left by j, precomputed once: the round constant each round adds. */
const ROUND_T = Array.from({ length: 64 }, (_, j) => rotl(j < 16 ? 0x79cc4519 : 0x7a879d8a, j));

/** The message padded as the standard says: a 1 bit, zeros to 448 mod 512 bits, the bit length as 64 bits. */
function pad(message: Buffer): Buffer {
  const zeros = (BLOCK_BYTES + 56 - ((message.length + 1) % BLOCK_BYTES)) % BLOCK_BYTES;
  const out = Buffer.alloc(message.length + 1 + zeros + 8);
  message.copy(out);
  out[message.length] = 0x80;
  // The bit length can exceed 2^32, so it is written as two 32-bit halves.
  const bits = message.length * 8;
  out.writeUInt32BE(Math.floor(bits / 0x1_0000_0000), out.length - 8);
  out.writeUInt32BE(bits >>> 0, out.length - 4);
  return out;
}

function compress(v: number[], block: Buffer, offset: number, w: Uint32Array, w1: Uint32Array): void {
  for (let j = 0; j < 16; j++) w[j] = block.readUInt32BE(offset + 4 * j);
  for (let j = 16; j < 68; j++) {
    w[j] = p1(w[j - 16] ^ w[j - 9] ^ rotl(w[j - 3], 15)) ^ rotl(w[j - 13], 7) ^ w[j - 6];
  }
  for (let j = 0; j < 64; j++) w1[j] = w[j] ^ w[j + 4];

  let [a, b, c, d, e, f, g, h] = v;
  for (let j = 0; j < 64; j++) {
    const a12 = rotl(a, 12);
    const ss1 = rotl((a12 + e + ROUND_T[j]) >>> 0, 7);
    const ss2 = (ss1 ^ a12) >>> 0;
    const ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
    const gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
    const tt1 = (ff + d + ss2 + w1[j]) >>> 0;
    const tt2 = (gg + h + ss1 + w[j]) >>> 0;
    d = c;
    c = rotl(b, 9);
    b = a;
    a = tt1;
    h = g;
    g = rotl(f, 19);
    f = e;
    e = p0(tt2);
  }
  const next = [a, b, c, d, e, f, g, h];
  for (let i = 0; i < 8; i++) v[i] = (v[i] ^ next[i]) >>> 0;
}

/** The 32-byte SM3 digest of data (a string is hashed as its UTF-8 bytes), by this module's own code. */
export function sm3Builtin(data: string | Buffer): Buffer {
  const padded = pad(typeof data === "string" ? Buffer.from(data, "utf8") : data);
  const v = [...IV];
  const w = new Uint32Array(68);
  const w1 = new Uint32Array(64);
  for (let offset = 0; offset < padded.length; offset += BLOCK_BYTES) compress(v, padded, offset, w, w1);
  const out = Buffer.alloc(32);
  v.forEach((word, i) => out.writeUInt32BE(word, 4 * i));
  return out;
}

/** HMAC-SM3 (RFC 2104 with SM3's 64-byte block) by this module's own code. */
export function hmacSm3Builtin(key: string | Buffer, data: string | Buffer): Buffer {
  let k = typeof key === "string" ? Buffer.from(key, "utf8") : key;
  if (k.length > BLOCK_BYTES) k = sm3Builtin(k);
  const inner = Buffer.alloc(BLOCK_BYTES, 0x36);
  const outer = Buffer.alloc(BLOCK_BYTES, 0x5c);
  for (let i = 0; i < k.length; i++) {
    inner[i] ^= k[i];
    outer[i] ^= k[i];
  }
  const message = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  return sm3Builtin(Buffer.concat([outer, sm3Builtin(Buffer.concat([inner, message]))]));
}

/** Which implementation sm3 and hmacSm3 use in this process. */
export const SM3_SOURCE: "openssl" | "builtin" = getHashes().includes("sm3") ? "openssl" : "builtin";

export const sm3: (data: string | Buffer) => Buffer = SM3_SOURCE === "openssl"
  ? (data) => createHash("sm3").update(data).digest()
  : sm3Builtin;

export const hmacSm3: (key: string | Buffer, data: string | Buffer) => Buffer = SM3_SOURCE === "openssl"
  ? (key, data) => createHmac("sm3", key).update(data).digest()
  : hmacSm3Builtin;
