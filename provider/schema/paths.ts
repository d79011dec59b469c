// Dotted-path access into nested plain objects ("tracing.enabled"), used by mapping tables that
// translate between grouped camelCase inputs and flat PascalCase wire parameters.
import { Field, FieldSpecs, isPlainObject, Props } from "./fields";

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

/** Builds nested field specs from flat dotted paths: {"a.b": f.bool()} → {a: f.object({b: f.bool()})}. */
export function specsFromPaths(entries: ReadonlyArray<readonly [string, Field]>, groupHints: Record<string, string> = {}): FieldSpecs {
  const groups = new Map<string, Array<readonly [string, Field]>>();
  const out: Record<string, Field> = {};
  for (const [path, field] of entries) {
    const dot = path.indexOf(".");
    if (dot < 0) {
      out[path] = field;
      continue;
    }
    const head = path.slice(0, dot);
    groups.set(head, [...(groups.get(head) ?? []), [path.slice(dot + 1), field] as const]);
  }
  for (const [head, children] of groups) {
    out[head] = { kind: "object", fields: specsFromPaths(children), hint: groupHints[head] };
  }
  return out;
}
