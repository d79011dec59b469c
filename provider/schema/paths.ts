// Dotted-path access into nested plain objects ("tracing.enabled"), used by mapping tables that
// translate between grouped camelCase inputs and flat PascalCase wire parameters.
import { Field, isPlainObject, Props } from "./fields";

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split(".")) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** Returns a copy of `obj` with `path` set, creating intermediate objects. */
export function setPath(obj: Props, path: string, value: unknown): Props {
  const [head, ...rest] = path.split(".");
  if (rest.length === 0) return { ...obj, [head]: value };
  const child = isPlainObject(obj[head]) ? (obj[head] as Props) : {};
  return { ...obj, [head]: setPath(child, rest.join("."), value) };
}

type Head<P extends string> = P extends `${infer H}.${string}` ? H : P;
type Under<R, K extends string> = R extends { path: `${K}.${infer T}`; field: infer F extends Field } ? { path: T; field: F } : never;

/** A field at a dotted input path ("tracing.enabled"), as a table of flat rows declares it. */
export interface PathRow {
  readonly path: string;
  readonly field: Field;
}

/** The field table specsFromPaths builds, as a type: a path's head names a field, or a group of the rows under it. */
export type SpecsFromPaths<R extends PathRow> = {
  [K in Head<R["path"]>]: [Extract<R, { path: K }>] extends [never]
    ? { kind: "object"; fields: SpecsFromPaths<Under<R, K>>; description?: string }
    : Extract<R, { path: K }>["field"];
};

/**
 * Builds nested field specs from flat dotted paths: {path: "a.b", field: f.bool()} → {a: f.object({b: f.bool()})}.
 * `groups` gives a group's own options (its description).
 */
export function specsFromPaths<const R extends PathRow>(rows: readonly R[], groups: Readonly<Record<string, { description?: string }>> = {}): SpecsFromPaths<R> {
  const nested = new Map<string, PathRow[]>();
  const out: Record<string, Field> = {};
  for (const { path, field } of rows) {
    const dot = path.indexOf(".");
    if (dot < 0) {
      out[path] = field;
      continue;
    }
    const head = path.slice(0, dot);
    nested.set(head, [...(nested.get(head) ?? []), { path: path.slice(dot + 1), field }]);
  }
  for (const [head, children] of nested) {
    out[head] = { kind: "object", fields: specsFromPaths(children), ...groups[head] };
  }
  // The mapped type says the same as the loop: a row's head is a field, or a group of the rows below it.
  return out as SpecsFromPaths<R>;
}
