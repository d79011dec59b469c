// What our implementations hand to Pulumi's dynamic-provider host (node_modules/@pulumi/pulumi/cmd/
// dynamic-provider/index.js), adapted to what the host and the engine print. Applied once, in runtime.ts.
//
// Check failures. For a failure that names a property the engine prints
// "property <p> value <inputs[p] in Go's rendering> has a problem: <reason>": Go map syntax for objects and
// lists ("{[{map[host:{a.svc} weight:{90}]}]}"), and "{<nil>}" for a nested path, since it looks up top-level
// keys only (pkg/resource/deploy/step_generator.go issueCheckFailures). So the path moves into the reason and
// the property stays empty; the engine then prints "<type> resource '<name>' has a problem: <path>: <reason>".
//
// Errors. The host answers a failed check, diff, read or delete by writing
// `${err}: ${err.stack}` to its stderr (node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js) before it
// hands the error to the engine. The engine shows every stderr line of a plugin twice (under the stack's
// row and again in the Diagnostics summary), so one API error read five times, twice with a JavaScript
// stack, on top of the engine's own report of the message. quietHostReports drops exactly that line for
// errors our methods threw; nothing else the process prints is touched. When the engine flows its log
// verbosity to plugins (`pulumi up -v=9 --logflow`) the line is kept, so the stack is there to debug with.

import type { CheckFailure } from "../schema";

type Method = (...args: never[]) => Promise<unknown>;

/** A failure the engine prints as our own sentence: the property path leads the reason. */
export function engineFailure(f: CheckFailure): CheckFailure {
  if (f.property === "") return f;
  // "foo is not a known input" reads better than "foo: is not a known input".
  const sep = /^(is|are|must|apply|applies) /.test(f.reason) ? " " : ": ";
  return { property: "", reason: `${f.property}${sep}${f.reason}` };
}

/** Lines the host is about to print for errors we threw; bounded, as create/update errors are never printed. */
const pending: string[] = [];
const MAX_PENDING = 50;
const FILTER = Symbol("asm-pulumi host report filter");

/** Whether the engine passed its verbosity on to this process (`-v=N` with --logflow). */
export function hostIsVerbose(argv: readonly string[] = process.argv): boolean {
  return argv.some((a) => /^--?v(=|$)/.test(a) || a === "--logtostderr");
}

function hostLine(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  return `${String(err)}: ${err.stack}`;
}

/** Filters console.error, once: whoever replaced it since (a test, another tool) gets the filter in front again. */
function install(): void {
  if ((console.error as { [FILTER]?: true })[FILTER]) return;
  const original = console.error.bind(console);
  const filtered = (...args: unknown[]) => {
    if (args.length === 1 && typeof args[0] === "string") {
      const i = pending.indexOf(args[0]);
      if (i >= 0) {
        pending.splice(i, 1);
        return;
      }
    }
    original(...args);
  };
  console.error = Object.assign(filtered, { [FILTER]: true as const });
}

function remember(err: unknown): void {
  const line = hostLine(err);
  if (line === undefined) return;
  pending.push(line);
  if (pending.length > MAX_PENDING) pending.shift();
}

interface Checked {
  inputs?: unknown;
  failures?: CheckFailure[];
}

/**
 * `impl` as the dynamic host should see it: check failures in the engine's words (engineFailure), and
 * check, diff, read and delete wrapped so the host's stderr copy of their errors (message twice and the
 * stack) is not printed; the engine still reports each error's message.
 */
export function forDynamicHost<T extends object>(impl: T, argv: readonly string[] = process.argv): T {
  const out = { ...impl } as Record<string, unknown>;
  const check = out.check;
  if (typeof check === "function") {
    out.check = async (...args: never[]) => {
      const r = (await (check as Method).apply(impl, args)) as Checked;
      return r.failures && r.failures.length > 0 ? { ...r, failures: r.failures.map(engineFailure) } : r;
    };
  }
  if (hostIsVerbose(argv)) return out as T;
  install();
  for (const name of ["check", "diff", "read", "delete"]) {
    const method = out[name];
    if (typeof method !== "function") continue;
    out[name] = async (...args: never[]) => {
      try {
        return await (method as Method).apply(impl, args);
      } catch (err) {
        remember(err);
        throw err;
      }
    };
  }
  return out as T;
}
