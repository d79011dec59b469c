// Adoption's part of the schema engine. A resource that takes over an existing object takes the live
// value of every input the program leaves unset, and records those paths in state under ADOPTED_KEY:
// the program still leaves them unset at the next preview, and without the record that would read as
// "remove this setting" instead of "leave it as it is". A create-only input that differs from the live
// object cannot be applied in place, so adoption refuses it (createOnlyMismatches) instead of rewriting.
import { deepEqual } from "./diff";
import { Field, FieldSpecs, isPlainObject, isUnknown, Props } from "./fields";
import { getPath, setPath } from "./paths";

/** State key listing the dotted input paths whose values were taken from the live object. */
export const ADOPTED_KEY = "__adopted";

interface Leaf {
  path: string;
  field: Field;
  createOnly: boolean;
}

function leaves(specs: FieldSpecs, prefix = "", inherited = false): Leaf[] {
  return Object.entries(specs).flatMap(([name, field]) => {
    const path = `${prefix}${name}`;
    const createOnly = inherited || field.createOnly === true;
    return field.kind === "object" ? leaves(field.fields, `${path}.`, createOnly) : [{ path, field, createOnly }];
  });
}

const shown = (field: Field, v: unknown): string => (field.secret ? "(secret)" : typeof v === "string" ? v : JSON.stringify(v));

/**
 * "<path>: declared <value>, live <value>" for every create-only input the program declares that the
 * live object has otherwise (and the field cannot change in place). Secret values are not shown.
 */
export function createOnlyMismatches(specs: FieldSpecs, live: Props, declared: Props): string[] {
  const out: string[] = [];
  for (const { path, field, createOnly } of leaves(specs)) {
    if (!createOnly || field.createTimeOnly) continue;
    const want = getPath(declared, path);
    const have = getPath(live, path);
    if (want === undefined || isUnknown(want) || have === undefined || deepEqual(want, have)) continue;
    if (field.inPlaceWhen?.(have, want) === true) continue;
    out.push(`${path}: declared ${shown(field, want)}, live ${shown(field, have)}`);
  }
  return out;
}

/** The declared inputs with every unset one the live object has filled in, and the paths filled. */
export function adoptLive(specs: FieldSpecs, live: Props, declared: Props): { inputs: Props; adopted: string[] } {
  let inputs = declared;
  const adopted: string[] = [];
  for (const { path, field } of leaves(specs)) {
    if (field.createTimeOnly || getPath(declared, path) !== undefined) continue;
    const value = getPath(live, path);
    if (value === undefined) continue;
    inputs = setPath(inputs, path, value);
    adopted.push(path);
  }
  return { inputs, adopted };
}

/** The adopted paths a state records. */
export function adoptedPaths(props: Props): string[] {
  const v = props[ADOPTED_KEY];
  return Array.isArray(v) ? v.filter((p): p is string => typeof p === "string") : [];
}

/**
 * `news` with each adopted path it still leaves unset taken from the recorded state, and the paths
 * that are still adopted (a path the program now declares is the program's from then on).
 */
export function withAdopted(olds: Props, news: Props): { news: Props; adopted: string[] } {
  let out = news;
  const adopted: string[] = [];
  for (const path of adoptedPaths(olds)) {
    const recorded = getPath(olds, path);
    if (getPath(news, path) !== undefined || recorded === undefined) continue;
    if (path.includes(".") && !isPlainObject(out[path.split(".")[0]]) && out[path.split(".")[0]] !== undefined) continue;
    out = setPath(out, path, recorded);
    adopted.push(path);
  }
  return { news: out, adopted };
}

function withoutPath(props: Props, path: string): Props {
  const [head, ...rest] = path.split(".");
  if (!(head in props)) return props;
  const { [head]: value, ...others } = props;
  if (rest.length === 0 || !isPlainObject(value)) return others;
  const inner = withoutPath(value, rest.join("."));
  return Object.keys(inner).length > 0 ? { ...others, [head]: inner } : others;
}

/**
 * `inputs` without the adopted paths: what a refresh records as the program's inputs. The program never
 * declared them, and a recorded input would make them look declared (e.g. the mesh's name default).
 */
export function withoutAdopted(inputs: Props, adopted: readonly string[]): Props {
  return adopted.reduce(withoutPath, inputs);
}
