// The bad-input catalogue through each resource implementation's `check` (what `pulumi preview`
// calls), with the provider configured against the emulator as in a real run: every case fails
// with a reason that names the field and says what is allowed, no reason echoes key material, and
// not one request reaches the API. A mesh id that is well formed but does not exist cannot be known
// at check time without an API call, so it fails at create instead, naming meshId.
import { ABSENT_MESH_ID, BAD_INPUT_CASES, validInputs, type BadInputCase } from "../reliability/fixtures/badInputCases";
import { startHarness, type Harness } from "./helpers/providerHarness";
import type { ResourceKind } from "../../provider/shim";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

/** The base64 lines of a PEM text (or the whole text when it is not PEM). */
function pemBodyLines(text: string): string[] {
  return text.split("\n").map((l) => l.trim()).filter((l) => l.length >= 8 && !l.startsWith("-----"));
}

async function failuresOf(c: BadInputCase) {
  const result = await h.provider(c.kind).check!({}, c.inputs);
  return result.failures ?? [];
}

describe("the bad-input catalogue", () => {
  it("holds at least 40 cases covering all five resource kinds, with unique ids", () => {
    expect(BAD_INPUT_CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(BAD_INPUT_CASES.map((c) => c.kind))).toEqual(new Set(["ServiceMesh", "ClusterAttachment", "ASMGateway", "GatewaySecret", "GatewayRoute"]));
    expect(new Set(BAD_INPUT_CASES.map((c) => c.id)).size).toBe(BAD_INPUT_CASES.length);
  });

  it.each(["ServiceMesh", "ClusterAttachment", "ASMGateway", "GatewaySecret", "GatewayRoute"] as ResourceKind[])(
    "the valid base inputs of %s pass check, so each case fails for its own reason only",
    async (kind) => {
      expect((await h.provider(kind).check!({}, validInputs(kind))).failures ?? []).toEqual([]);
    },
  );

  it.each(BAD_INPUT_CASES.map((c) => [c.id, c] as const))("%s fails check naming the field and what is allowed", async (_id, c) => {
    const failures = await failuresOf(c);
    expect(failures).toHaveLength(1);
    expect(failures[0].property).toBe(c.field);
    expect(failures[0].reason).toMatch(c.says);
  });

  it("never quotes certificate or key material in a reason", async () => {
    for (const c of BAD_INPUT_CASES.filter((x) => x.kind === "GatewaySecret")) {
      const material = [c.inputs.cert, c.inputs.key].filter((v): v is string => typeof v === "string").flatMap(pemBodyLines);
      for (const f of await failuresOf(c)) {
        expect(f.reason).not.toContain("PRIVATE KEY");
        for (const line of material) expect(f.reason).not.toContain(line);
      }
    }
  });

  it("sends no request to the API while checking every case", async () => {
    h.emulator.control.clearRequests();
    for (const c of BAD_INPUT_CASES) await failuresOf(c);
    expect(h.emulator.control.requests()).toEqual([]);
    expect(h.emulator.control.kubeRequests()).toEqual([]);
  });
});

describe("a well-formed meshId that names no mesh", () => {
  it.each(["ClusterAttachment", "ASMGateway", "GatewaySecret", "GatewayRoute"] as ResourceKind[])(
    "passes check but fails the %s create with an error naming meshId, leaving nothing behind",
    async (kind) => {
      const provider = h.provider(kind);
      const checked = await provider.check!({}, validInputs(kind, { meshId: ABSENT_MESH_ID }));
      expect(checked.failures ?? []).toEqual([]);
      await expect(provider.create(checked.inputs)).rejects.toThrow(new RegExp(`meshId.*${ABSENT_MESH_ID}.*does not exist`));
      expect(Object.keys((h.emulator.control.state() as { meshes?: object }).meshes ?? {})).toEqual([]);
    },
  );
});
