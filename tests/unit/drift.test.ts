// Drift detection on a recorded stored state and refreshing preview (tests/fixtures/preview/drift-*.json,
// recorded by tests/e2e/drift.test.ts after renaming the mesh, patching the gateway's replicas and
// deleting a route in the emulator), and on small hand-made cases for what the recording lacks.
import * as fs from "node:fs";
import * as path from "node:path";
import { detectDrift, maskSecrets, SECRET_SIG, type StoredState } from "../../cli/drift";
import { formatDriftJson, formatDriftText } from "../../cli/driftFormat";
import type { PreviewJson } from "../../cli/previewSteps";

const DIR = path.join(__dirname, "..", "fixtures", "preview");
const load = <T>(name: string) => JSON.parse(fs.readFileSync(path.join(DIR, `${name}.json`), "utf8")) as T;
const stored = load<StoredState>("drift-stored-state");
const refreshed = load<PreviewJson>("drift-refresh-preview");

const SECRET_TYPE = "pulumi-nodejs:dynamic/asm:GatewaySecret";
const urn = (name: string) => `urn:pulumi:dev::shop::${SECRET_TYPE}::${name}`;
const enc = { [SECRET_SIG]: "1b47061264138c4ac30d75fd1eb44270", ciphertext: "REDACTED" };

function secretState(outputs: Record<string, unknown>): StoredState {
  return { deployment: { resources: [{ urn: urn("tls"), type: SECRET_TYPE, id: "m:gw:tls", custom: true, inputs: { cert: enc, secretName: "tls" }, outputs }] } };
}

describe("detectDrift on a recorded stack", () => {
  const report = detectDrift(stored, refreshed, "e2e");

  it("checks the six resources of the stack, not the stack or its provider", () => {
    expect(report.checked).toBe(6);
  });

  it("names the renamed mesh, the patched gateway field and the deleted route, nothing else", () => {
    expect(report.resources.map((r) => [r.kind, r.name, r.drift, r.fields.map((f) => [f.path, f.stored, f.live])])).toEqual([
      ["ServiceMesh", "mesh", "changed", [["name", "preview-mesh", "renamed-in-console"]]],
      ["ASMGateway", "ingress", "changed", [["replicaCount", 1, 3]]],
      ["GatewayRoute", "ratings", "deleted", []],
    ]);
  });

  it("reads as a short text report with what `up` and `refresh` would do", () => {
    const text = formatDriftText(report);
    expect(text).toMatch(/^Drift in stack e2e: 3 of 6 resources differ from the stack's state\.\n\n {2}ServiceMesh mesh \(c[0-9a-f]+\): changed\n {4}name: "preview-mesh" in state, "renamed-in-console" live\n/);
    expect(text).toContain("`pulumi up` puts the declared values back; `pulumi refresh` accepts the live values into state.");
  });
});

describe("detectDrift rules", () => {
  it("compares encrypted state with the preview's masked secrets as equal", () => {
    expect(maskSecrets({ a: [enc], b: 1 })).toEqual({ a: ["[secret]"], b: 1 });
    const preview: PreviewJson = { steps: [{ op: "replace", urn: urn("tls"), oldState: { inputs: { cert: "[secret]", secretName: "tls" }, outputs: { expiredTime: "2030-01-01 00:00" } } }] };
    expect(detectDrift(secretState({ expiredTime: "2030-01-01 00:00" }), preview).resources).toEqual([]);
  });

  it("reports a secret whose certificate changed in the cloud through its expiry", () => {
    const preview: PreviewJson = { steps: [{ op: "replace", urn: urn("tls"), oldState: { inputs: { cert: "[secret]", secretName: "tls" }, outputs: { expiredTime: "2031-06-01 00:00" } } }] };
    const [d] = detectDrift(secretState({ expiredTime: "2030-01-01 00:00" }), preview).resources;
    expect(d.fields).toEqual([{ path: "outputs.expiredTime", stored: "2030-01-01 00:00", live: "2031-06-01 00:00", secret: false }]);
  });

  it("does not count a change the program makes as drift", () => {
    // The refreshed state equals the stored one; only the program's new inputs differ.
    const preview: PreviewJson = { steps: [{ op: "update", urn: urn("tls"), oldState: { inputs: { cert: "[secret]", secretName: "tls" } }, newState: { inputs: { secretName: "tls2" } } }] };
    expect(detectDrift(secretState({}), preview).resources).toEqual([]);
  });

  it("leaves secret values out of the JSON report", () => {
    const json = JSON.parse(formatDriftJson({ stack: "dev", checked: 1, resources: [{ urn: urn("tls"), kind: "GatewaySecret", name: "tls", id: "x", drift: "changed", fields: [{ path: "key", stored: "[secret]", live: "[secret]", secret: true }] }] }));
    expect(json.resources[0].fields).toEqual([{ path: "key", secret: true }]);
    expect(json.drifted).toBe(true);
  });
});
