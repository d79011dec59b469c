// What `pulumi import` starts a read from, knowing only the id: every input the live object reports
// (the kind's importInputs), less the values a program could not declare. A live object reports settings
// at the API's zero values (a port 0 for a feature that is off), which the kind's check refuses; code the
// CLI prints from such inputs would fail its first preview, so those leaves are left to the API instead.
import type { KindProvider } from "../framework/defineProvider";
import { checkResource, getPath, setPath, type Props, type ResourceDescription } from "../schema";

/** Rounds of dropping refused leaves: a dropped leaf can uncover a rule across fields, never more than a few. */
const MAX_ROUNDS = 3;

export function declarable(d: ResourceDescription, live: Props): Props {
  let inputs = live;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const refused = checkResource(d, {}, inputs).failures.map((f) => f.property).filter((p) => p !== "" && getPath(inputs, p) !== undefined);
    if (refused.length === 0) break;
    for (const path of refused) inputs = setPath(inputs, path, undefined);
  }
  return inputs;
}

/** The props an import's read starts from; empty when the kind's read needs nothing but the id. */
export async function importSeed(d: ResourceDescription, impl: KindProvider, id: string): Promise<Props> {
  const live = impl.importInputs ? await impl.importInputs(id) : undefined;
  return live ? declarable(d, live) : {};
}
