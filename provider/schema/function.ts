// A function's description: its arguments and its result as field tables, the API action it reads, and
// how the arguments narrow what the action reports. The one generic check of the arguments and the one
// mapping of the response are here, so a function is a table and nothing else (provider/functions/), and
// the package schema's `functions` section comes from the same tables (pulumiSchema.ts functionSpecOf).
import { checkInputs, type CheckFailure } from "./check";
import { FieldSpecs, isPlainObject, Props } from "./fields";
import { fromWire, toWire } from "./wire";

/** An argument that keeps the items of a result list whose field equals it. */
export interface ListFilter {
  /** The item field (a name in the list item's field table) the argument must equal. */
  item: string;
  /**
   * The argument names a value the API must report somewhere in the list (an edition, say): one it does
   * not report is a mistake to name, not an empty answer.
   */
  mustExist?: boolean;
}

export interface FunctionDescription {
  /** The function's name, `getServiceMeshes`; its token is asm:index:<name>. */
  name: string;
  /** What the function answers, in a sentence or two; the package schema's function description. */
  summary: string;
  /** The API action the function calls (a name in provider/api's catalog). */
  action: string;
  /** The arguments. A field with `wire` is sent to the action; the others only filter what it reports. */
  inputs: FieldSpecs;
  /** The result, read from the action's response by each field's read-back path. */
  outputs: FieldSpecs;
  /** The result list the filters narrow (a list-of-object output), and the filter of each argument that is one. */
  filters?: { list: string; by: Readonly<Record<string, ListFilter>> };
}

export interface FunctionArgs {
  args: Props;
  failures: CheckFailure[];
}

const listed = (names: readonly string[]): string =>
  names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;

/**
 * The arguments checked against the table: an unknown name, a value of the wrong type or shape, each a
 * failure naming the argument, so the program's author sees which filter is wrong and why.
 */
export function checkFunctionArgs(d: FunctionDescription, raw: unknown): FunctionArgs {
  if (!isPlainObject(raw)) return { args: {}, failures: [{ property: "", reason: `the arguments of ${d.name} must be an object` }] };
  const known = Object.keys(d.inputs);
  const takes = known.length === 0 ? "it takes no arguments" : `it takes ${listed(known)}`;
  const unknown: CheckFailure[] = Object.keys(raw)
    .filter((k) => !(k in d.inputs))
    .map((k) => ({ property: k, reason: `${k} is not an argument of ${d.name}; ${takes}` }));
  const given = Object.fromEntries(Object.entries(raw).filter(([k]) => k in d.inputs));
  const { inputs, failures } = checkInputs(d.inputs, given);
  return { args: inputs, failures: [...unknown, ...failures] };
}

/** What the action is sent: the arguments with a wire path (none for a function that only filters). */
export const functionRequest = (d: FunctionDescription, args: Props): Props => toWire(d.inputs, args);

export interface FunctionResult {
  result: Props;
  failures: CheckFailure[];
}

/** The action's response as the function's result: every output read back, the list narrowed by the filters. */
export function functionResult(d: FunctionDescription, response: Props, args: Props): FunctionResult {
  const result = fromWire(d.outputs, response);
  // A list the API leaves out when empty is still a list: a program can always map over it.
  for (const [name, field] of Object.entries(d.outputs)) {
    if (field.kind === "list" && field.required === true && result[name] === undefined) result[name] = [];
  }
  if (!d.filters) return { result, failures: [] };
  const { list, by } = d.filters;
  const items = (result[list] as unknown[]).filter(isPlainObject);
  const failures: CheckFailure[] = [];
  let kept = items;
  for (const [arg, filter] of Object.entries(by)) {
    const wanted = args[arg];
    if (wanted === undefined) continue;
    if (filter.mustExist && !items.some((i) => i[filter.item] === wanted)) {
      const reported = [...new Set(items.map((i) => i[filter.item]).filter((v) => v !== undefined).map(String))];
      failures.push({ property: arg, reason: `the API reports no ${filter.item} ${JSON.stringify(wanted)}; it reports ${reported.length === 0 ? "none" : listed(reported)}` });
    }
    kept = kept.filter((i) => i[filter.item] === wanted);
  }
  return { result: { ...result, [list]: kept }, failures };
}
