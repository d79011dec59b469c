// Every response the emulator gives, checked against the response tree the official SDK declares
// (emulator/contract/, issue 15): no field the SDK lacks, every field of the declared type.
import type { EmulatorHandle } from "../../emulator";
import { loadContract } from "../../emulator/contract/contract";
import { checkResponse, declaredPaths } from "../../emulator/contract/responseCheck";
import type { AsmTestClient } from "./client";
import { contractTour, type Recorded } from "./contractTour";
import { coverageTable } from "./coverageTables";
import { useEmulator } from "./fixtures";

describe("emulator responses against the SDK's response trees", () => {
  let emu: EmulatorHandle;
  let c: AsmTestClient;
  useEmulator((e, client) => {
    emu = e;
    c = client;
  });
  const contract = loadContract();
  let recorded: Recorded;
  beforeEach(async () => {
    recorded = await contractTour(emu, c);
  });

  it("returns only declared fields, each of its declared type, from every action", () => {
    const findings: string[] = [];
    for (const [action, bodies] of recorded) {
      const tree = contract.actions.get(action)?.response;
      if (!tree) continue;
      for (const body of bodies) for (const f of checkResponse(tree, body).findings) findings.push(`${action} ${f.path}: ${f.detail}`);
    }
    expect([...new Set(findings)]).toEqual([]);
  });

  it("returns every declared field but those emulator/COVERAGE.md lists as not returned, and lists none it returns", () => {
    const listed = coverageTable("Response fields not returned");
    const covers = (action: string, leaf: string) => listed.some((r) => r.action === action && (r.name === leaf || (r.name.endsWith(".*") && leaf.startsWith(r.name.slice(0, -1)))));
    const problems: string[] = [];
    for (const [action, c] of contract.actions) {
      const bodies = recorded.get(action);
      if (!bodies) continue;
      const present = new Set<string>();
      for (const body of bodies) for (const p of checkResponse(c.response, body).present) present.add(p);
      for (const leaf of declaredPaths(c.response).leaves) {
        if (!present.has(leaf) && !covers(action, leaf)) problems.push(`${action} ${leaf}: not returned and not listed`);
        if (present.has(leaf) && covers(action, leaf)) problems.push(`${action} ${leaf}: returned but listed as not returned`);
      }
    }
    for (const r of listed) {
      const leaves = contract.actions.get(r.action) ? declaredPaths(contract.actions.get(r.action)?.response ?? {}).leaves : [];
      if (!leaves.some((l) => covers(r.action, l) && (l === r.name || r.name.endsWith(".*")))) problems.push(`${r.action} ${r.name}: listed but not a declared field`);
    }
    expect(problems).toEqual([]);
  });

  it("tells how many declared fields each action returns (the figures in the issue note)", () => {
    const rows = [...contract.actions].filter(([a]) => recorded.has(a)).map(([action, c]) => {
      const present = new Set<string>();
      for (const body of recorded.get(action) ?? []) for (const p of checkResponse(c.response, body).present) present.add(p);
      const { leaves } = declaredPaths(c.response);
      return `${action}: ${leaves.filter((l) => present.has(l)).length}/${leaves.length}`;
    });
    expect(rows.length).toBe(recorded.size);
    if (process.env.ASM_CONTRACT_FIGURES) console.log(rows.join("\n"));
  });
});
