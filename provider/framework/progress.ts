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

/**
 * Shortens full resource ids ("c" + 32 hex for meshes and ACK clusters) to their first 8 characters, so a
 * progress line stays readable next to the engine's own prefix. Errors keep the full ids.
 */
export function abbreviateIds(text: string): string {
  return text.replace(/\bc[0-9a-f]{24,}\b/g, (id) => `${id.slice(0, 8)}…`);
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
    logger.info(`${abbreviateIds(subject)}: ${o.label} (${Math.round(o.elapsedMs / 1000)}s elapsed)`);
  };
}
