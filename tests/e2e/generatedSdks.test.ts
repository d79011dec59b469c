// The Python, Go and Node.js SDKs that `npm run sdks` writes from schema.json with Pulumi's own code generators
// (scripts/sdkgen), checked with each language's compiler against the Pulumi SDK they were generated for.
// docs/sdks.md says what each check proves and why the Python import can only run where a Python with the
// pulumi package exists: no registry reachable here serves that package's dependencies.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { SCHEMA_FILE } from "../../scripts/lib/schemaFile";
import { REPO_ROOT } from "./harness/pulumiCli";

interface Run { status: number | null; out: string }

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, out: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error === undefined ? "" : String(r.error)}` };
}

/** Status and output together, so a failure shows the compiler's own words. */
const outcome = (r: Run): [number | null, string] => [r.status, r.out];
/** The same for a command whose output on success is only progress: it is shown when the command fails. */
const failure = (r: Run): [number | null, string] => [r.status, r.status === 0 ? "" : r.out];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8")) as { resources?: Record<string, unknown>; functions?: Record<string, unknown> };
const RESOURCE_TOKENS = Object.keys(schema.resources ?? {});
const TOKENS = [...RESOURCE_TOKENS, ...Object.keys(schema.functions ?? {})];

/** The Pulumi version the CLI is built at; pkg/v3 and sdk/v3 are released together under one version. */
const PINNED = /^require github\.com\/pulumi\/pulumi\/pkg\/v3 (v\S+)$/m
  .exec(fs.readFileSync(path.join(REPO_ROOT, "scripts", "pulumi-cli", "go.mod"), "utf8"))?.[1];

// A Python where `import pulumi` works (and setuptools and wheel, to install the SDK): none can be set up
// from the registries reachable here (docs/sdks.md), so the import check runs only where one is given in
// ASM_PULUMI_PYTHON or python3 already has the package.
const PYTHON = process.env.ASM_PULUMI_PYTHON ?? "python3";
const pulumiProbe = run(PYTHON, ["-c", "import pulumi"], REPO_ROOT);
const importablePulumi = pulumiProbe.status === 0;
const whyNoImport = pulumiProbe.out.trim().split("\n").pop() ?? "";

// Go builds sdkgen (scripts/bootstrap); without it, as with a pulumi from PATH, scripts/test skips the Go
// tests the same way.
const haveGo = run("go", ["version"], REPO_ROOT).status === 0;
const suite = "the SDKs generated from schema.json";

let out: string;

(haveGo ? describe : describe.skip)(haveGo ? suite : `${suite} (skipped: Go is not on PATH, and sdkgen is built with it)`, () => {
  beforeAll(() => {
    // Under the repository, so the Node.js SDK resolves @pulumi/pulumi from the repo's node_modules.
    fs.mkdirSync(path.join(REPO_ROOT, ".tmp"), { recursive: true });
    out = fs.mkdtempSync(path.join(REPO_ROOT, ".tmp", "sdks-"));
    const r = run("bash", ["scripts/sdks", out], REPO_ROOT);
    expect(outcome(r)).toEqual([0, expect.stringContaining("sdkgen: wrote")]);
  });

  afterAll(() => {
    if (out !== undefined) fs.rmSync(out, { recursive: true, force: true });
  });

  it.each(["python", "go", "nodejs"])("%s registers or invokes every resource and function token of the schema", (lang) => {
    const sources = filesUnder(path.join(out, lang)).filter((f) => /\.(py|go|ts)$/.test(f))
      .map((f) => fs.readFileSync(f, "utf8")).join("\n");
    const missing = TOKENS.filter((token) => !sources.includes(`"${token}"`) && !sources.includes(`'${token}'`));
    expect(missing).toEqual([]);
  });

  it("the Node.js SDK type-checks with tsc against the repo's @pulumi/pulumi", () => {
    const tsc = path.join(REPO_ROOT, "node_modules", ".bin", "tsc");
    expect(outcome(run(tsc, ["-p", "tsconfig.json", "--noEmit"], path.join(out, "nodejs")))).toEqual([0, ""]);
  });

  it("the Go SDK requires the pinned Pulumi Go SDK, and builds and vets against it", () => {
    const dir = path.join(out, "go");
    expect(fs.readFileSync(path.join(dir, "go.mod"), "utf8")).toContain(`require github.com/pulumi/pulumi/sdk/v3 ${PINNED}\n`);
    // The generator writes no go.sum; tidy records the sums, as a user of the SDK would.
    expect(failure(run("go", ["mod", "tidy"], dir))).toEqual([0, ""]);
    expect(fs.readFileSync(path.join(dir, "go.mod"), "utf8")).toContain(`github.com/pulumi/pulumi/sdk/v3 ${PINNED}`);
    expect(outcome(run("go", ["build", "./..."], dir))).toEqual([0, ""]);
    expect(outcome(run("go", ["vet", "./..."], dir))).toEqual([0, ""]);
  });

  it("every module of the Python SDK byte-compiles under python3", () => {
    const dir = path.join(out, "python");
    expect(fs.existsSync(path.join(dir, "pulumi_asm", "__init__.py"))).toBe(true);
    expect(outcome(run("python3", ["-m", "compileall", "-q", "pulumi_asm"], dir))).toEqual([0, ""]);
  });

  it("every import and pulumi name the Python SDK uses resolves in the pinned pulumi Python SDK (pyright)", () => {
    const dir = path.join(out, "python");
    // The pinned Go SDK module carries the Python SDK's source of the same release.
    const download = run("go", ["mod", "download", "-json", `github.com/pulumi/pulumi/sdk/v3@${PINNED}`], path.join(REPO_ROOT, "scripts", "sdkgen"));
    expect(download.status).toBe(0);
    const pythonLib = path.join((JSON.parse(download.out) as { Dir: string }).Dir, "python", "lib");
    expect(fs.existsSync(path.join(pythonLib, "pulumi", "__init__.py"))).toBe(true);
    // Type checking off, name resolution on: the generator's code is not written to pass pyright's type
    // rules (it assigns plain strings to enum-typed inputs, for one), but a module, attribute or variable
    // that does not exist would fail the import.
    fs.writeFileSync(path.join(dir, "pyrightconfig.json"), JSON.stringify({
      include: ["pulumi_asm"],
      extraPaths: [pythonLib],
      pythonVersion: "3.11",
      typeCheckingMode: "off",
      reportMissingImports: "error",
      reportAttributeAccessIssue: "error",
      reportUndefinedVariable: "error",
    }));
    const pyright = path.join(REPO_ROOT, "node_modules", "pyright", "index.js");
    const r = run(process.execPath, [pyright, "-p", "pyrightconfig.json", "--outputjson"], dir);
    const report = JSON.parse(r.out.slice(r.out.indexOf("{"))) as {
      summary: { filesAnalyzed: number };
      generalDiagnostics: { file: string; severity: string; rule?: string; message: string }[];
    };
    expect(report.summary.filesAnalyzed).toBeGreaterThan(0);
    // The SDK's own third-party dependencies other than pulumi (its pyproject's list, such as semver) cannot
    // be installed here, so only their imports may stay unresolved.
    const pyproject = fs.readFileSync(path.join(dir, "pyproject.toml"), "utf8");
    const declared = [...(/^\s*dependencies = \[(.*)\]$/m.exec(pyproject)?.[1] ?? "").matchAll(/"([A-Za-z0-9_.-]+)/g)]
      .map(([, name]) => name.toLowerCase().replace(/-/g, "_")).filter((name) => name !== "pulumi");
    expect(declared).toContain("semver");
    const unexplained = report.generalDiagnostics.filter((d) => d.severity === "error" && !(d.rule === "reportMissingImports"
      && declared.includes(/^Import "([^".]+)/.exec(d.message)?.[1] ?? "")));
    expect(unexplained.map((d) => `${path.relative(dir, d.file)}: ${d.message}`)).toEqual([]);
  });

  const importTitle = "the Python SDK installs with pip and imports, a class per resource, with a Python that has the pulumi package";
  (importablePulumi ? it : it.skip)(importablePulumi ? importTitle : `${importTitle} (skipped: ${PYTHON}: ${whyNoImport})`, () => {
    // Installed, not imported from its folder: the SDK reads its own version from the installed metadata.
    // No index and no build isolation, so pip uses that Python's setuptools and wheel and downloads nothing.
    const site = path.join(out, "python-site");
    const install = run(PYTHON, ["-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--no-build-isolation",
      "--target", site, path.join(out, "python")], out);
    expect(failure(install)).toEqual([0, ""]);
    const names = RESOURCE_TOKENS.map((token) => token.split(":")[2]);
    const script = `import pulumi_asm\nmissing = [n for n in ${JSON.stringify(names)} if not isinstance(getattr(pulumi_asm, n, None), type)]\nprint(pulumi_asm.__file__.startswith(${JSON.stringify(site)}), missing)`;
    const env = { PYTHONPATH: [site, process.env.PYTHONPATH].filter((p) => p !== undefined && p !== "").join(path.delimiter) };
    expect(outcome(run(PYTHON, ["-c", script], REPO_ROOT, env))).toEqual([0, "True []\n"]);
  });
});
