// The PR preview summary on recorded `pulumi preview --json` output (tests/fixtures/preview/, recorded by
// tests/e2e/previewSummary.test.ts with RECORD_PREVIEW_FIXTURES=1 from a stack with a mesh, an attachment,
// a gateway, a TLS secret and two routes).
import * as fs from "node:fs";
import * as path from "node:path";
import { DEMO_CREDENTIALS } from "../../emulator";
import { renderMarkdown } from "../../cli/previewMarkdown";
import type { PreviewJson } from "../../cli/previewSteps";
import { hasDisruptive, summarizePreview, type PreviewSummary } from "../../cli/previewSummary";

const DIR = path.join(__dirname, "..", "fixtures", "preview");
const raw = (name: string) => fs.readFileSync(path.join(DIR, `${name}.json`), "utf8");
const fixture = (name: string) => JSON.parse(raw(name)) as PreviewJson;
const rows = (s: PreviewSummary) => s.changes.map((c) => `${c.disruptive ? "!" : ""}${c.kind}/${c.name}:${c.op}`);

describe("recorded preview fixtures", () => {
  const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".json")).sort();

  it("hold six recorded previews and the two recorded drift inputs", () => {
    expect(files).toEqual([
      "delete.json", "drift-refresh-preview.json", "drift-stored-state.json", "no-change.json",
      "replace-gateway.json", "replace-mesh.json", "secret-rotation.json", "update.json",
    ]);
  });

  it.each(files)("%s holds no access key secret, private key or certificate", (file) => {
    const text = fs.readFileSync(path.join(DIR, file), "utf8");
    expect(text).not.toContain(DEMO_CREDENTIALS.accessKeySecret);
    expect(text).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY|BEGIN CERTIFICATE/);
    // Stored state keeps Pulumi's secret markers but its ciphertext was replaced when recorded.
    expect(text).not.toMatch(/"ciphertext": "(?!REDACTED")/);
  });
});

describe("summarizePreview on recorded previews", () => {
  it("heads the summary with the stack and project from the URNs", () => {
    const s = summarizePreview(fixture("update"));
    expect([s.stack, s.project]).toEqual(["e2e", "e2e-gateway-preview"]);
    expect(summarizePreview(fixture("update"), { stack: "prod" }).stack).toBe("prod");
  });

  it("reports no changes when nothing changes", () => {
    const s = summarizePreview(fixture("no-change"));
    expect(s.changes).toEqual([]);
    expect(renderMarkdown(s)).toBe("### Pulumi preview: stack `e2e` (project `e2e-gateway-preview`)\n\nNo changes. 7 unchanged.\n");
  });

  it("lists in-place updates with each changed value, narrowed to the array element", () => {
    const s = summarizePreview(fixture("update"));
    expect(rows(s)).toEqual(["ASMGateway/ingress:update", "GatewayRoute/reviews:update"]);
    expect(hasDisruptive(s)).toBe(false);
    expect(s.changes[1].fields.map((f) => [f.path, f.before, f.after])).toEqual([
      ["destinations[0].weight", 90, 70], ["destinations[1].weight", 10, 30],
    ]);
    expect(renderMarkdown(s)).toContain("**Plan:** 2 to update · 5 unchanged");
  });

  it("puts the mesh, gateway and secret replacements first, marked disruptive, when the VPC changes", () => {
    const s = summarizePreview(fixture("replace-mesh"));
    expect(rows(s)).toEqual([
      "!ServiceMesh/mesh:replace", "!ASMGateway/ingress:replace", "!GatewaySecret/tls:replace",
      "ClusterAttachment/cluster:replace", "GatewayRoute/ratings:replace", "GatewayRoute/reviews:replace",
    ]);
    const mesh = s.changes[0].fields;
    expect(mesh.map((f) => [f.path, f.before, f.after, f.forcesReplacement])).toEqual([["network.vpcId", "vpc-emu-default", "vpc-emu-other", true]]);
    // Dependents get a new mesh id that is only known once the new mesh exists.
    expect(s.changes[1].fields).toEqual([expect.objectContaining({ path: "meshId", unknown: true, forcesReplacement: true })]);
  });

  it("renders disruptive rows with a warning marker in a table above the other changes", () => {
    const md = renderMarkdown(summarizePreview(fixture("replace-mesh")));
    expect(md).toContain("**Plan:** 6 to replace · 1 unchanged");
    expect(md).toContain("| ⚠️ | `mesh` | ServiceMesh | **replace** | `network.vpcId`: `\"vpc-emu-default\"` → `\"vpc-emu-other\"` _(forces replacement)_ |");
    expect(md).toMatch(/\| `cluster` \| ClusterAttachment \| \*\*replace\*\* \| `meshId`: `"c[0-9a-f]+"` → _\(known after apply\)_ _\(forces replacement\)_ \|/);
    expect(md.indexOf("#### ⚠️ Disruptive changes (3)")).toBeLessThan(md.indexOf("#### Other changes (3)"));
  });

  it("marks deleting a secret disruptive but deleting a route not", () => {
    const s = summarizePreview(fixture("delete"));
    expect(rows(s)).toEqual(["!GatewaySecret/tls:delete", "GatewayRoute/ratings:delete"]);
    expect(renderMarkdown(s)).toContain("| ⚠️ | `tls` | GatewaySecret | **delete** | removed |");
  });

  it("replaces the secret and routes of a renamed gateway, the routes not disruptive", () => {
    expect(rows(summarizePreview(fixture("replace-gateway")))).toEqual([
      "!ASMGateway/ingress:replace", "!GatewaySecret/tls:replace", "GatewayRoute/ratings:replace", "GatewayRoute/reviews:replace",
    ]);
  });

  it("names a rotated certificate and key as secret fields without any value", () => {
    const s = summarizePreview(fixture("secret-rotation"));
    expect(s.changes[0].fields.map((f) => [f.path, f.secret, f.forcesReplacement])).toEqual([["cert", true, true], ["key", true, true]]);
    const md = renderMarkdown(s);
    expect(md).toContain("`cert` (secret value changed) _(forces replacement)_<br>`key` (secret value changed) _(forces replacement)_");
    expect(md).not.toContain("[secret]");
  });
});
