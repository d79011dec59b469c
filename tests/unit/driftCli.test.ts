// The drift command's arguments and exit codes, with a fake `pulumi` that answers from recorded output.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseDriftArgs, projectDir, runDrift, type PulumiRunner } from "../../cli/driftCli";

const DIR = path.join(__dirname, "..", "fixtures", "preview");
const text = (name: string) => fs.readFileSync(path.join(DIR, `${name}.json`), "utf8");
const ok = (stdout: string) => ({ code: 0, stdout, stderr: "" });

async function drift(argv: string[], run: PulumiRunner): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runDrift(argv, (s) => (out += s), (s) => (err += s), run);
  return { code, out, err };
}

describe("drift arguments", () => {
  it("accepts --stack, --cwd and --json", () => {
    expect(parseDriftArgs(["--stack", "dev", "--cwd", "infra", "--json"])).toEqual({ stack: "dev", cwd: "infra", json: true, help: false });
  });

  it("rejects an unknown argument or a flag without its value, naming what is allowed", () => {
    expect(() => parseDriftArgs(["dev"])).toThrow("unknown argument dev; allowed: --stack NAME, --cwd DIR, --json, --help");
    expect(() => parseDriftArgs(["--stack", "--json"])).toThrow("--stack needs a value, e.g. --stack dev");
  });
});

describe("drift exit codes", () => {
  it("passes the stack and folder to pulumi and exits 1 on drift", async () => {
    const calls: string[] = [];
    const run: PulumiRunner = async (args, cwd) => {
      calls.push(`${cwd} ${args.join(" ")}`);
      return ok(text(args[0] === "stack" ? "drift-stored-state" : "drift-refresh-preview"));
    };
    const r = await drift(["--stack", "e2e", "--cwd", "/infra"], run);
    expect(calls).toEqual(["/infra stack export --stack e2e", "/infra preview --refresh --run-program --json --non-interactive --stack e2e"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("3 of 6 resources differ");
  });

  it("exits 0 when the refreshed state matches what is stored", async () => {
    const noSteps = JSON.stringify({ steps: [], changeSummary: { same: 7 } });
    const r = await drift([], async (args) => ok(args[0] === "stack" ? text("drift-stored-state") : noSteps));
    expect([r.code, r.out]).toEqual([0, "No drift: 6 resources match the stack's state.\n"]);
  });

  it("exits 2 with the preview's error diagnostics when the preview fails", async () => {
    const failed = JSON.stringify({ steps: [], diagnostics: [{ severity: "error", message: "InvalidAccessKeyId.NotFound: Specified access key is not found.\n" }] });
    const r = await drift([], async (args) => (args[0] === "stack" ? ok(text("drift-stored-state")) : { code: 255, stdout: failed, stderr: "" }));
    expect(r.code).toBe(2);
    expect(r.err).toBe("drift: pulumi preview --refresh failed (exit 255):\nInvalidAccessKeyId.NotFound: Specified access key is not found.\n");
  });

  it("exits 2 with pulumi's own message when the export fails, and when pulumi is missing", async () => {
    const r = await drift(["--stack", "nope"], async () => ({ code: 255, stdout: "", stderr: "error: no stack named 'nope' found\n" }));
    expect([r.code, r.err]).toEqual([2, "drift: pulumi stack export failed (exit 255):\nerror: no stack named 'nope' found\n"]);
    const prev = process.env.PULUMI_BIN;
    process.env.PULUMI_BIN = "/nonexistent/pulumi";
    try {
      expect((await drift([], undefined as unknown as PulumiRunner)).err).toMatch(/^drift: cannot run pulumi: spawn \/nonexistent\/pulumi ENOENT/);
    } finally {
      if (prev === undefined) delete process.env.PULUMI_BIN;
      else process.env.PULUMI_BIN = prev;
    }
  });
});

describe("drift project folder", () => {
  it("resolves --cwd against the folder npm was started in when run as `npm run drift`", () => {
    const npm = { npm_lifecycle_event: "drift", INIT_CWD: "/home/me/infra" };
    expect(projectDir("stacks/prod", npm)).toBe("/home/me/infra/stacks/prod");
    expect(projectDir(undefined, npm)).toBe("/home/me/infra");
    expect(projectDir("stacks/prod", { INIT_CWD: "/elsewhere" })).toBe("stacks/prod");
  });
});
