// The committed schema.json as the real Pulumi CLI reads it: `pulumi package info` binds each resource and
// each function with its types and enums (a property of no valid type or an enum value of the wrong type
// fails it), and lists the inputs the description declares, required ones marked, and a function's outputs.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FUNCTIONS } from "../../provider/functions";
import { DESCRIPTIONS } from "../../provider/packageSchema";
import { SCHEMA_FILE } from "../../scripts/lib/schemaFile";
import { PULUMI } from "./harness/pulumiCli";

const KINDS = Object.keys(DESCRIPTIONS) as (keyof typeof DESCRIPTIONS)[];
const FUNCTION_NAMES = Object.keys(FUNCTIONS) as (keyof typeof FUNCTIONS)[];
let home: string;

beforeAll(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), "asm-schema-home-"));
});
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

function info(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(PULUMI, ["package", "info", SCHEMA_FILE, ...args], {
    encoding: "utf8",
    env: { ...process.env, PULUMI_HOME: home, PULUMI_SKIP_UPDATE_CHECK: "true" },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("schema.json under the Pulumi CLI", () => {
  it("is the asm package with its five resources", () => {
    const r = info();
    expect(r.status).toBe(0);
    expect(r.out).toContain("Name: asm");
    for (const kind of KINDS) expect(r.out).toContain(` - ${kind}: `);
  });

  it.each(KINDS)("binds %s and lists every input, the required ones marked", (kind) => {
    const r = info("--resource", kind);
    expect([r.status, r.out]).toEqual([0, expect.not.stringMatching(/^error:/m)]);
    const inputs = r.out.slice(r.out.indexOf("Inputs:"), r.out.indexOf("Outputs:"));
    const listed = [...inputs.matchAll(/^ - (\w+) \((.*?)\):/gm)].map(([, name, type]) => `${name}${type.endsWith("*") ? "*" : ""}`);
    const declared = Object.entries(DESCRIPTIONS[kind].fields).map(([name, f]) => `${name}${f.required === true ? "*" : ""}`);
    expect(listed.sort()).toEqual(declared.sort());
  });

  it.each(FUNCTION_NAMES)("binds the function %s and lists its arguments and its outputs, the always present ones marked", (name) => {
    const r = info("--function", name);
    expect([r.status, r.out]).toEqual([0, expect.not.stringMatching(/^error:/m)]);
    const section = (from: string, to: string) => r.out.slice(r.out.indexOf(from), to === "" ? undefined : r.out.indexOf(to));
    const names = (text: string) => [...text.matchAll(/^ - (\w+) \((.*?)\):/gm)].map(([, n, type]) => `${n}${type.endsWith("*") ? "*" : ""}`).sort();
    const declared = (fields: Record<string, { required?: boolean }>) => Object.entries(fields).map(([n, f]) => `${n}${f.required === true ? "*" : ""}`).sort();
    expect(names(section("Inputs:", "Outputs:"))).toEqual(declared(FUNCTIONS[name].inputs));
    expect(names(section("Outputs:", ""))).toEqual(declared(FUNCTIONS[name].outputs));
  });
});
