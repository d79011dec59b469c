import * as fs from "node:fs";
import * as path from "node:path";
import { OPERATIONS } from "../../emulator/operations/registry";

describe("emulator/COVERAGE.md", () => {
  it("lists exactly the actions in the operation registry, with their kinds", () => {
    // The action table is the file's first section; the later ones list parameters and fields.
    const text = fs.readFileSync(path.join(__dirname, "../../emulator/COVERAGE.md"), "utf8").split(/\n## /)[0];
    const rows = [...text.matchAll(/^\| ([A-Z][A-Za-z]+) \| ([A-Za-z]+) \|/gm)].map((m) => `${m[1]}:${m[2]}`).filter((r) => !r.startsWith("Action:"));
    const registry = Object.entries(OPERATIONS).map(([action, op]) => `${action}:${op.kind}`);
    expect(rows.sort()).toEqual(registry.sort());
  });
});
