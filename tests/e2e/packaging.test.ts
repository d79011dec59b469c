// What `npm install asm-pulumi` gets: the package's file list and its command-line tools, run from the
// compiled dist/ the way an installed package runs them.
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { runPreviewSummary } from "../../cli/previewSummaryCli";
import { REPO_ROOT } from "./harness/pulumiCli";

function packedFiles(): string[] {
  const r = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO_ROOT, encoding: "utf8" });
  expect(r.status).toBe(0);
  const [pack] = JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>;
  return pack.files.map((f) => f.path);
}

describe("the npm package", () => {
  it("ships the provider, its native plugin, the emulator and the preview-summary and drift tools, and no tests or scripts", () => {
    const files = packedFiles();
    for (const f of [
      "dist/provider/index.js", "dist/provider/runtime.js", "dist/emulator/cli.js",
      // The strict-parameter check reads the API contract at run time.
      "dist/emulator/contract/index.json", "dist/emulator/contract/actions/CreateServiceMesh.json",
      "dist/cli/previewSummaryCli.js", "dist/cli/driftCli.js",
      "bin/asm-emulator", "bin/asm-preview-summary", "bin/asm-drift",
      "dist/provider/plugin/main.js", "bin/pulumi-resource-asm",
      // The plugin reports the version in package.json (GetPluginInfo), and npm run plugin-archive builds from this list.
      "package.json",
    ]) expect(files).toContain(f);
    expect(files.filter((f) => /^(tests|scripts|bench|examples)\//.test(f))).toEqual([]);
  });

  it("runs asm-preview-summary from dist with the same output and exit code as the library", () => {
    const fixture = path.join(REPO_ROOT, "tests/fixtures/preview/replace-mesh.json");
    let expected = "";
    const expectedCode = runPreviewSummary([fixture, "--fail-on-disruptive"], (s) => (expected += s), () => undefined);
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin/asm-preview-summary"), fixture, "--fail-on-disruptive"], { encoding: "utf8" });
    expect(r.stdout).toBe(expected);
    expect(r.status).toBe(expectedCode);
    expect(expectedCode).toBe(3); // a mesh replacement is disruptive
  });

  it("runs asm-drift from dist: usage on --help, exit 2 on a bad argument", () => {
    const help = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin/asm-drift"), "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout + help.stderr).toMatch(/usage: drift \[--stack NAME\]/);
    const bad = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin/asm-drift"), "--bogus"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--bogus/);
  });
});
