// The engine's customTimeouts reach a native plugin as the request's `timeout` (seconds; 0 when unset),
// where a dynamic provider never sees them (framework/timeouts.ts). The implementations take their deadlines
// from the `timeouts` input, so a request's timeout becomes that input for the one call, unless the program
// set the operation's own. The outputs keep the program's `timeouts` as it was: the engine's option is not
// an input, and recording it would show as a change on the next preview.
import type { TimeoutOperation } from "../framework/timeouts";
import type { Props } from "../schema";

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

export function withDeadline(inputs: Props, op: TimeoutOperation, seconds: number): Props {
  if (!(seconds > 0)) return inputs;
  const given = isObject(inputs.timeouts) ? inputs.timeouts : {};
  if (given[op] !== undefined) return inputs;
  return { ...inputs, timeouts: { ...given, [op]: `${Math.ceil(seconds)}s` } };
}

/** `outs` with `timeouts` as the program gave it. */
export function withProgramTimeouts(outs: Props, program: Props): Props {
  const { timeouts: _engine, ...rest } = outs;
  return program.timeouts === undefined ? rest : { ...rest, timeouts: program.timeouts };
}
