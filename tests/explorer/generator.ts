// Picks a run's steps from the catalogue with a seeded RNG. Steps depend only on the model, and the
// model only on the steps (model.applyEdit), so a seed and a step count name the whole run: the list
// is computed before anything runs, and a failure's reproduction line replays it exactly.
import { afterStep, CATALOGUE, FULL_STACK, type CatalogueEntry, type EntryClass, type Step } from "./catalogue";
import { EMPTY_MODEL, type Model } from "./model";
import { Rng } from "./rng";

/** Per-class weight multipliers over the catalogue's own weights (absent = 1, 0 = never). */
export type Mix = Partial<Record<EntryClass, number>>;

/**
 * The fixed-seed e2e run's mix: the paths with open defects (issue 13) come up often — replacing a
 * mesh under attachments and a gateway, interrupted ups, adoption, emulator restarts.
 */
export const DEFECT_MIX: Mix = { "mesh-replace": 4, interrupt: 3, adopt: 3, restart: 2, "out-of-band": 1.5 };

/** The fixed seed of tests/e2e/explorer.test.ts: its first steps take the paths of the open defects. */
export const E2E_SEED = 74;

/** The mixes `npm run explore -- --mix NAME` offers; "defects" is the default and the e2e run's. */
export const MIXES: Record<string, Mix> = { defects: DEFECT_MIX, uniform: {} };

export interface PlannedStep {
  index: number;
  step: Step;
  /** The program after the step. */
  model: Model;
}

const FIRST: Step = { entry: "mesh.create", label: "create the full stack", ops: [{ op: "set", path: [], value: FULL_STACK }] };

export function choose(rng: Rng, model: Model, mix: Mix = {}, catalogue: readonly CatalogueEntry[] = CATALOGUE): Step {
  const offered = catalogue
    .map((entry) => ({ entry, weight: entry.weight * (mix[entry.class] ?? 1), steps: entry.steps(model) }))
    .filter((o) => o.weight > 0 && o.steps.length > 0);
  const { steps } = rng.weighted(offered.map((o) => ({ item: o, weight: o.weight })));
  return rng.pick(steps);
}

/** The run of `seed`: the first step creates the full stack, so every path is reachable at once. */
export function generate(seed: number, count: number, mix: Mix = {}): PlannedStep[] {
  const rng = new Rng(seed);
  const out: PlannedStep[] = [];
  let model = EMPTY_MODEL;
  for (let index = 0; index < count; index++) {
    const step = index === 0 ? FIRST : choose(rng, model, mix);
    model = afterStep(model, step);
    out.push({ index, step, model });
  }
  return out;
}
