// Progress messages through Pulumi's log while a resource is waited for, rate-limited so a long
// wait prints a line when the state changes or every `intervalMs`, never every poll:
//   "ServiceMesh c12: initial (45s elapsed)".
// A host that reaches the engine itself (the native plugin, plugin/engineLog.ts) installs its own logger,
// which attaches each line to the resource being worked on; the dynamic host logs through @pulumi/pulumi.
import type { Observation } from "../waiter";

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** A status line about the work in progress (Pulumi's ephemeral messages); info where the host has none. */
  status?(message: string): void;
}

let hostLogger: Logger | undefined;

/** Sends every line of the default logger through `logger` from now on; undefined goes back to @pulumi/pulumi's log. */
export function useHostLogger(logger: Logger | undefined): void {
  hostLogger = logger;
}

/** The host's logger when one is installed, else @pulumi/pulumi's log, loaded lazily so this module stays cheap. */
export const pulumiLogger: Logger = {
  info: (m) => (hostLogger ?? loadLog()).info(m),
  warn: (m) => (hostLogger ?? loadLog()).warn(m),
  status: (m) => (hostLogger ? statusOf(hostLogger, m) : loadLog().info(m)),
};

function loadLog(): { info(m: string): void; warn(m: string): void } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("@pulumi/pulumi").log;
}

function statusOf(logger: Logger, message: string): void {
  if (logger.status) logger.status(message);
  else logger.info(message);
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
    statusOf(logger, `${abbreviateIds(subject)}: ${o.label} (${Math.round(o.elapsedMs / 1000)}s elapsed)`);
  };
}
