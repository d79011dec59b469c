// Progress messages through Pulumi's log while a resource is waited for, rate-limited so a long
// wait prints a line when the state changes or every `intervalMs`, never every poll:
//   "ServiceMesh c12: initial (45s elapsed)".
import type { Observation } from "../waiter";

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** Writes through @pulumi/pulumi's log, loaded lazily so this module stays cheap. */
export const pulumiLogger: Logger = {
  info: (m) => loadLog().info(m),
  warn: (m) => loadLog().warn(m),
};

function loadLog(): { info(m: string): void; warn(m: string): void } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("@pulumi/pulumi").log;
}

export interface ProgressOptions {
  intervalMs: number;
  now(): number;
}

/** An onPoll hook for waitUntil that reports `subject`'s state at most once per interval. */
export function progressReporter(subject: string, logger: Logger, opts: ProgressOptions): (o: Observation) => void {
  let lastLabel: string | undefined;
  let lastAt = -Infinity;
  return (o) => {
    const now = opts.now();
    if (o.label === lastLabel && now - lastAt < opts.intervalMs) return;
    lastLabel = o.label;
    lastAt = now;
    logger.info(`${subject}: ${o.label} (${Math.round(o.elapsedMs / 1000)}s elapsed)`);
  };
}
