// Generic `diff`: compares only declared input fields, leaf by leaf. A changed createOnly leaf
// replaces the resource (reported under its top-level property, which is what Pulumi displays),
// unless its `inPlaceWhen` allows that particular change; any other change is an in-place update. A value still unknown during preview counts as changed.
import { Field, FieldSpecs, isPlainObject, isUnknown, Props } from "./fields";

export interface InputDiff {
  /** Dotted paths of every changed leaf, e.g. "tracing.enabled". */
  changed: string[];
  /** Top-level properties whose change forces a replacement. */
  replaces: string[];
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => a[k] !== undefined || b[k] !== undefined));
    return [...keys].every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

function diffField(path: string, field: Field, olds: unknown, news: unknown, inheritedCreateOnly: boolean, out: InputDiff, top: string): void {
  if (field.createTimeOnly) return;
  const createOnly = inheritedCreateOnly || field.createOnly === true;
  if (field.kind === "object" && !isUnknown(news) && !isUnknown(olds)) {
    const o = isPlainObject(olds) ? olds : {};
    const n = isPlainObject(news) ? news : {};
    for (const [name, sub] of Object.entries(field.fields)) diffField(`${path}.${name}`, sub, o[name], n[name], createOnly, out, top);
    return;
  }
  if (!isUnknown(news) && deepEqual(olds, news)) return;
  // The API's own value is kept while the program leaves the field to it.
  if (field.computed && news === undefined) return;
  out.changed.push(path);
  const inPlace = !isUnknown(news) && field.inPlaceWhen?.(olds, news) === true;
  const replaces = (createOnly && !inPlace) || (field.replaceWhenUnknown === true && isUnknown(news));
  if (replaces && !out.replaces.includes(top)) out.replaces.push(top);
}

export function diffInputs(specs: FieldSpecs, olds: Props, news: Props): InputDiff {
  const out: InputDiff = { changed: [], replaces: [] };
  for (const [name, field] of Object.entries(specs)) diffField(name, field, olds[name], news[name], false, out, name);
  return out;
}

/** True when `path` or anything beneath it changed. */
export function changedUnder(diff: InputDiff, path: string): boolean {
  return diff.changed.some((p) => p === path || p.startsWith(`${path}.`));
}
