// preview-summary's command line and the markdown details that recorded previews do not exercise:
// errors and warnings, values that would break a table, and bad input with a clear message.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { countLine, formatField, formatValue, renderMarkdown } from "../../cli/previewMarkdown";
import { parseSummaryArgs, parsePreviewText, runPreviewSummary } from "../../cli/previewSummaryCli";
import { UNKNOWN, type PreviewJson } from "../../cli/previewSteps";
import { expandChange, summarizePreview } from "../../cli/previewSummary";

const URN = (type: string, name: string) => `urn:pulumi:dev::shop::${type}::${name}`;
const MESH = "pulumi-nodejs:dynamic/asm:ServiceMesh";
const ROUTE = "pulumi-nodejs:dynamic/asm:GatewayRoute";

function run(argv: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runPreviewSummary(argv, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

function tempFile(content: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "preview-summary-")), "preview.json");
  fs.writeFileSync(file, content);
  return file;
}

const meshDelete: PreviewJson = {
  steps: [{ op: "delete", urn: URN(MESH, "mesh"), oldState: { type: MESH, inputs: { name: "m" } } }],
  changeSummary: { delete: 1, same: 1 },
};

describe("preview-summary arguments", () => {
  it("accepts a file, a stack name and --fail-on-disruptive", () => {
    expect(parseSummaryArgs(["p.json", "--stack", "prod", "--fail-on-disruptive"])).toEqual({ file: "p.json", stack: "prod", failOnDisruptive: true, help: false });
  });

  it("rejects an unknown option, a missing stack name and two files, naming what is allowed", () => {
    expect(() => parseSummaryArgs(["--fail"])).toThrow("unknown option --fail; allowed: --stack NAME, --fail-on-disruptive, --help");
    expect(() => parseSummaryArgs(["--stack"])).toThrow("--stack needs a stack name");
    expect(() => parseSummaryArgs(["a.json", "b.json"])).toThrow('only one input file is allowed; got "a.json" and "b.json"');
  });

  it("exits 2 with the reason and the usage on input that is not preview JSON", () => {
    const notJson = run([tempFile("Previewing update (dev):")]);
    expect(notJson.code).toBe(2);
    expect(notJson.err).toMatch(/is not valid JSON .*pass the output of `pulumi preview --json`/);
    expect(notJson.err).toContain("usage: preview-summary");
    expect(() => parsePreviewText("[1,2]", "x.json")).toThrow('x.json does not look like `pulumi preview --json` output');
    expect(run(["/nonexistent/preview.json"]).err).toContain("cannot read /nonexistent/preview.json: ENOENT");
  });

  it("prints the summary and exits 0, or 3 with --fail-on-disruptive when a mesh goes away", () => {
    const file = tempFile(JSON.stringify(meshDelete));
    const plain = run([file]);
    expect(plain.code).toBe(0);
    expect(plain.out).toContain("| ⚠️ | `mesh` | ServiceMesh | **delete** | removed |");
    expect(run([file, "--fail-on-disruptive"]).code).toBe(3);
  });

  it("exits 0 with --fail-on-disruptive when only routes change", () => {
    const routeOnly: PreviewJson = { steps: [{ op: "delete", urn: URN(ROUTE, "r") }], changeSummary: { delete: 1 } };
    expect(run([tempFile(JSON.stringify(routeOnly)), "--fail-on-disruptive"]).code).toBe(0);
  });
});

describe("preview markdown details", () => {
  it("keeps table cells intact: pipes escaped, backticks replaced, long values cut", () => {
    expect(formatValue("a|b`c")).toBe('`"a\\|b\'c"`');
    expect(formatValue("x".repeat(100))).toMatch(/^`"x{58}…`$/);
    expect(formatValue(undefined)).toBe("_(none)_");
  });

  it("shows an unknown new value as known after apply and a secret by name only", () => {
    expect(formatField({ path: "meshId", before: "c1", after: UNKNOWN, secret: false, unknown: true, forcesReplacement: false })).toBe('`meshId`: `"c1"` → _(known after apply)_');
    expect(formatField({ path: "key", before: "[secret]", after: "[secret]", secret: true, unknown: false, forcesReplacement: false })).toBe("`key` (secret value changed)");
  });

  it("narrows nested changes to the changed leaves and reports length changes whole", () => {
    expect(expandChange("d", [{ w: 1, h: "a" }], [{ w: 2, h: "a" }])).toEqual([{ path: "d[0].w", before: 1, after: 2 }]);
    expect(expandChange("d", [1], [1, 2])).toEqual([{ path: "d", before: [1], after: [1, 2] }]);
  });

  it("counts operations in a fixed order", () => {
    expect(countLine({ same: 3, delete: 1, create: 2, update: 1 })).toBe("**Plan:** 2 to create · 1 to update · 1 to delete · 3 unchanged");
  });

  it("says the preview failed and quotes its errors and warnings in code blocks", () => {
    const failed: PreviewJson = {
      steps: [{ op: "same", urn: URN("pulumi:pulumi:Stack", "shop-dev") }],
      diagnostics: [
        { severity: "error", message: "GatewayRoute reviews: destinations: weights total 90; they must total 100\n" },
        { severity: "warning", message: "certificate expires in 12 days (2026-12-08)" },
        { severity: "info", message: "ignored" },
      ],
    };
    const md = renderMarkdown(summarizePreview(failed));
    expect(md).toContain("❌ **The preview failed.**");
    expect(md).toContain("#### ❌ Errors\n\n```\nGatewayRoute reviews: destinations: weights total 90; they must total 100\n```");
    expect(md).toContain("#### Warnings\n\n```\ncertificate expires in 12 days (2026-12-08)\n```");
    expect(md).not.toContain("ignored");
  });
});
