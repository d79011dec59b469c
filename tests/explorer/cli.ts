// `npm run explore -- [--seed N] [--steps M] [--minutes T] [--mix defects|uniform]`: a long explorer run
// outside jest. Prints the seed first (a random one when none is given), each step with its duration,
// then a summary; on a failure, the failing invariant and the line that reproduces it, and exits 1.
import { randomSeed } from "./rng";
import { runExplorer } from "./runner";

function parseArgs(argv: string[]): { seed: number; steps: number; minutes: number; mix: string } {
  const out = { seed: randomSeed(), steps: 40, minutes: 30, mix: "defects" };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const num = Number(value);
    const needNumber = (what: string) => {
      if (value === undefined || !Number.isInteger(num) || num < 0) throw new Error(`${flag}: expected ${what}, got ${value === undefined ? "nothing" : `"${value}"`}`);
      return num;
    };
    if (flag === "--seed") out.seed = needNumber("a non-negative integer seed");
    else if (flag === "--steps") out.steps = needNumber("a whole number of steps");
    else if (flag === "--minutes") out.minutes = needNumber("a whole number of minutes");
    else if (flag === "--mix") out.mix = value ?? "";
    else throw new Error(`unknown argument "${flag}"; usage: npm run explore -- [--seed N] [--steps M] [--minutes T] [--mix defects|uniform]`);
  }
  return out;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  console.log(`explorer: seed ${args.seed}, up to ${args.steps} steps or ${args.minutes} min, mix ${args.mix}`);
  const r = await runExplorer({ seed: args.seed, steps: args.steps, budgetMs: args.minutes * 60_000, mix: args.mix, log: (l) => console.log(l) });
  const failed = r.results.filter((s) => s.failures.length > 0).length;
  console.log(`explorer: summary: ${r.results.length}/${r.planned} steps run, ${failed} failed, ${(r.ms / 1000).toFixed(0)} s${r.stoppedByBudget ? " (stopped by the time budget)" : ""}`);
  if (r.failure) {
    console.log(r.failure);
    return 1;
  }
  return 0;
}

// Tests must never reach the ECS metadata address or a developer's own Alibaba Cloud profile.
process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = "true";
process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = "true";
main().then((code) => process.exit(code), (err: unknown) => {
  console.error(`explorer: ${(err as Error).stack ?? String(err)}`);
  process.exit(2);
});
