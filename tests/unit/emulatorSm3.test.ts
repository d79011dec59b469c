import * as crypto from "node:crypto";
import { hmacSm3, hmacSm3Builtin, sm3, sm3Builtin } from "../../emulator/http/sm3";

const hex = (b: Buffer) => b.toString("hex");
const opensslHasSm3 = crypto.getHashes().includes("sm3");
const withOpenSsl = opensslHasSm3 ? it : it.skip;

describe("the emulator's own SM3 (GB/T 32905-2016)", () => {
  it.each([
    ["the one-block example \"abc\"", "abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"],
    ["the two-block example \"abcd\" × 16", "abcd".repeat(16), "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"],
  ])("digests the standard's %s", (_name, message, digest) => {
    expect(hex(sm3Builtin(message))).toBe(digest);
    expect(hex(sm3Builtin(Buffer.from(message)))).toBe(digest);
  });

  withOpenSsl("agrees with OpenSSL for every length across the padding boundaries of three blocks", () => {
    for (let n = 0; n <= 3 * 64 + 1; n++) {
      const message = crypto.randomBytes(n);
      expect([n, hex(sm3Builtin(message))]).toEqual([n, crypto.createHash("sm3").update(message).digest("hex")]);
    }
  });

  it("hashes a string as its UTF-8 bytes", () => {
    expect(hex(sm3Builtin("é"))).toBe(hex(sm3Builtin(Buffer.from([0xc3, 0xa9]))));
  });
});

describe("the emulator's own HMAC-SM3", () => {
  // GM/T 0042-2015 Appendix D.3.
  const keyOf = (length: number) => Buffer.from(Array.from({ length }, (_, i) => i + 1));
  it.each([
    ["a two-block message", keyOf(32), Buffer.from("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".repeat(2)),
      "ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a"],
    ["a 37-byte key", keyOf(37), Buffer.alloc(50, 0xcd), "220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae"],
    ["Hi There", Buffer.alloc(32, 0x0b), Buffer.from("Hi There"), "c0ba18c68b90c88bc07de794bfc7d2c8d19ec31ed8773bc2b390c9604e0be11e"],
    ["a short key", Buffer.from("Jefe"), Buffer.from("what do ya want for nothing?"),
      "2e87f1d16862e6d964b50a5200bf2b10b764faa9680a296a2405f24bec39f882"],
  ])("matches the GM/T 0042-2015 vector for %s", (_name, key, message, mac) => {
    expect(hex(hmacSm3Builtin(key, message))).toBe(mac);
  });

  withOpenSsl("agrees with OpenSSL for keys shorter than, equal to and longer than the 64-byte block", () => {
    const message = crypto.randomBytes(100);
    for (const keyLength of [0, 1, 32, 63, 64, 65, 128, 200]) {
      const key = crypto.randomBytes(keyLength);
      expect([keyLength, hex(hmacSm3Builtin(key, message))]).toEqual([keyLength, crypto.createHmac("sm3", key).update(message).digest("hex")]);
    }
  });

  it("keys with a string secret's UTF-8 bytes, as the SDK passes the AccessKey secret", () => {
    expect(hex(hmacSm3Builtin("sëcret", "m"))).toBe(hex(hmacSm3Builtin(Buffer.from("sëcret", "utf8"), Buffer.from("m"))));
  });
});

describe("the SM3 the emulator verifies with", () => {
  it("gives the standard's digest and HMAC whichever implementation this Node offers", () => {
    expect(hex(sm3("abc"))).toBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    expect(hex(hmacSm3("Jefe", "what do ya want for nothing?"))).toBe("2e87f1d16862e6d964b50a5200bf2b10b764faa9680a296a2405f24bec39f882");
  });

  it("falls back to its own implementation on a Node whose OpenSSL lacks sm3", () => {
    jest.isolateModules(() => {
      jest.doMock("node:crypto", () => ({ ...crypto, getHashes: () => crypto.getHashes().filter((h) => h !== "sm3") }));
      // require, not import: the module must load inside the isolated registry that has the mock.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const isolated = require("../../emulator/http/sm3") as typeof import("../../emulator/http/sm3");
      expect(isolated.SM3_SOURCE).toBe("builtin");
      expect(isolated.sm3).toBe(isolated.sm3Builtin);
      expect(hex(isolated.hmacSm3("Jefe", "what do ya want for nothing?"))).toBe("2e87f1d16862e6d964b50a5200bf2b10b764faa9680a296a2405f24bec39f882");
    });
    jest.dontMock("node:crypto");
  });
});
