// Process helpers for tests that interrupt the Pulumi CLI. The CLI starts each plugin in a process group of
// its own, so killing the CLI's group alone leaves the language host and the provider running as orphans:
// these find and check the CLI's descendants.
import { execFileSync } from "node:child_process";

/** `root`'s descendants, children first. */
export function descendants(root: number): number[] {
  const rows = execFileSync("ps", ["-A", "-o", "pid=,ppid="], { encoding: "utf8" })
    .trim().split("\n").map((line) => line.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  for (let frontier = [root]; frontier.length > 0;) {
    frontier = rows.filter(([, ppid]) => frontier.includes(ppid)).map(([pid]) => pid);
    found.push(...frontier);
  }
  return found;
}

/** Running, i.e. neither gone nor a zombie waiting to be reaped. */
export function alive(pid: number): boolean {
  try {
    return !execFileSync("ps", ["-o", "stat=", "-p", String(pid)], { encoding: "utf8" }).trim().startsWith("Z");
  } catch {
    return false; // ps exits non-zero when there is no such process
  }
}

/** Resolves once `pred` holds, polling every 25 ms; rejects after `ms`. */
export async function until(what: string, pred: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
