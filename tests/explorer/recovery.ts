// What a user does after an interrupted `pulumi up` (docs/adoption.md, "Interrupted creates"), as a loop:
// one kill can leave more than one thing to repair, in any order (seed 915213 step 191: the empty
// checkpoint attributes file first, then the lock), so each failed up is matched against every repair
// again until it succeeds, no repair applies, or a repair has already been made that often.

export interface UpResult { code: number; stdout: string; stderr: string }

export interface Repair {
  /** The failed command's output this repair answers. */
  matches: RegExp;
  /** Makes the repair; returns the line shown with the step, or undefined when there was nothing to do. */
  apply: () => Promise<string | undefined>;
}

/** A repair applied this many times without the up succeeding is not the repair the stack needs. */
export const MAX_REPAIRS_EACH = 2;

export async function recoverWith<R extends UpResult>(up: () => Promise<R>, repairs: Repair[], made: string[]): Promise<R> {
  const count = new Map<Repair, number>();
  let result = await up();
  for (;;) {
    if (result.code === 0) return result;
    const output = result.stderr + result.stdout;
    const repair = repairs.find((r) => r.matches.test(output) && (count.get(r) ?? 0) < MAX_REPAIRS_EACH);
    if (!repair) return result;
    count.set(repair, (count.get(repair) ?? 0) + 1);
    const line = await repair.apply();
    if (line === undefined) return result;
    made.push(line);
    result = await up();
  }
}
