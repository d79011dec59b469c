// Validation of one leaf value against its field spec. Returns the reason text (what is wrong and
// what is allowed) or undefined when the value is fine. Secret values are never quoted.
import { Field, isPlainObject, isUnknown } from "./fields";

function show(field: Field, v: unknown): string {
  if (field.secret) return "the given value";
  const text = JSON.stringify(v);
  return text !== undefined && text.length > 80 ? `${text.slice(0, 77)}...` : String(text);
}

function typeName(v: unknown): string {
  if (Array.isArray(v)) return "a list";
  if (v === null) return "null";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

function validateString(field: Extract<Field, { kind: "string" }>, v: unknown): string | undefined {
  if (typeof v !== "string") return `expected a string, got ${typeName(v)}`;
  if (!field.allowEmpty && v.trim() === "") return "must not be empty";
  if (field.pattern && !field.pattern.test(v)) {
    return `${show(field, v)} is not valid; expected ${field.patternHint ?? `a value matching ${field.pattern}`}`;
  }
  return undefined;
}

function validateNumber(field: Extract<Field, { kind: "int" | "number" }>, v: unknown): string | undefined {
  if (typeof v !== "number" || !Number.isFinite(v)) return `expected a number, got ${typeName(v)}`;
  if (field.kind === "int" && !Number.isInteger(v)) return `${v} is not allowed; expected a whole number`;
  if (field.min !== undefined && v < field.min) return `${v} is too small; the minimum is ${field.min}`;
  if (field.max !== undefined && v > field.max) return `${v} is too large; the maximum is ${field.max}`;
  return undefined;
}

function validateList(field: Extract<Field, { kind: "stringList" }>, v: unknown): string | undefined {
  if (!Array.isArray(v)) return `expected a list of strings, got ${typeName(v)}`;
  const bad = v.findIndex((item) => typeof item !== "string" || (field.itemPattern && !field.itemPattern.test(item)));
  if (bad >= 0) return `item ${bad} (${show(field, v[bad])}) is not valid; expected ${field.itemHint ?? "a string"}`;
  if (field.minItems !== undefined && v.length < field.minItems) return `needs at least ${field.minItems} item(s), got ${v.length}`;
  if (field.maxItems !== undefined && v.length > field.maxItems) return `allows at most ${field.maxItems} item(s), got ${v.length}`;
  if (new Set(v).size !== v.length) return "contains duplicates; list each value once";
  return undefined;
}

function validateMap(field: Extract<Field, { kind: "stringMap" }>, v: unknown): string | undefined {
  if (!isPlainObject(v)) return `expected a map of strings, got ${typeName(v)}`;
  const entries = Object.entries(v);
  if (field.maxEntries !== undefined && entries.length > field.maxEntries) {
    return `allows at most ${field.maxEntries} entries, got ${entries.length}`;
  }
  for (const [k, val] of entries) {
    if (typeof val !== "string") return `value of ${JSON.stringify(k)} must be a string, got ${typeName(val)}`;
    if (field.keyPattern && !field.keyPattern.test(k)) {
      return `key ${JSON.stringify(k)} is not allowed; expected ${field.keyHint ?? `a key matching ${field.keyPattern}`}`;
    }
  }
  return undefined;
}

/** The path of the first value inside `value` that JSON cannot carry (functions, NaN, undefined, ...). */
export function firstNonJsonPath(value: unknown, path: string): string | undefined {
  if (value === null || ["string", "boolean"].includes(typeof value)) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = firstNonJsonPath(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return undefined;
  }
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const bad = isUnknown(v) ? undefined : firstNonJsonPath(v, `${path}.${k}`);
      if (bad) return bad;
    }
    return undefined;
  }
  return path;
}

export function validateLeaf(field: Field, v: unknown): string | undefined {
  switch (field.kind) {
    case "string":
      return validateString(field, v);
    case "enum":
      return typeof v === "string" && field.values.includes(v)
        ? undefined
        : `${show(field, v)} is not allowed; use one of ${field.values.join(", ")}`;
    case "bool":
      return typeof v === "boolean" ? undefined : `expected true or false, got ${typeName(v)}`;
    case "int":
    case "number":
      return validateNumber(field, v);
    case "stringList":
      return validateList(field, v);
    case "stringMap":
      return validateMap(field, v);
    case "object":
      return isPlainObject(v) ? undefined : `expected an object, got ${typeName(v)}`;
    case "list":
      if (!Array.isArray(v)) return field.itemsHint ? `expected a list of ${field.itemsHint}` : `expected a list, got ${typeName(v)}`;
      if (field.minItems !== undefined && v.length < field.minItems) return `needs at least ${field.minItems} item(s), got ${v.length}`;
      return undefined;
    case "json":
      return isPlainObject(v) ? undefined : "expected an object of JSON values";
  }
}
