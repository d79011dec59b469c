// The change-path explorer's fixed-seed run (tests/explorer/README.md): generated program edits,
// out-of-band changes, adoptions, interrupted ups and an emulator restart through the real Pulumi
// CLI, with every invariant checked after every step. Bounded by steps and by wall-clock time; a
// failure prints the seed, the steps so far, the failing invariant and the line that replays it.
import { E2E_SEED } from "../explorer/generator";
import { runExplorer } from "../explorer/runner";

const STEPS = 7;
/** About three minutes on the project's two-core machine; a step that would start later is not run. */
const BUDGET_MS = 150_000;

describe("change-path explorer", () => {
  it(`seed ${E2E_SEED}: every step converges, previews no changes, leaves no orphan and leaks no secret`, async () => {
    const lines: string[] = [];
    const r = await runExplorer({ seed: E2E_SEED, steps: STEPS, budgetMs: BUDGET_MS, log: (l) => lines.push(l) });
    console.log([...lines, `explorer: ${r.results.length}/${r.planned} steps in ${(r.ms / 1000).toFixed(0)} s`].join("\n"));
    expect(r.failure ?? "no failure").toBe("no failure");
    expect(r.results.length).toBeGreaterThanOrEqual(3);
  });
});
