// Generic `check`: walks the field specs, applies defaults, validates every known value, and
// collects {property, reason} failures instead of throwing. Values still unknown during preview are
// passed through unvalidated. Unknown input names are reported so typos do not pass silently.
import { Field, FieldSpecs, isPlainObject, isUnknown, Props } from "./fields";
import { firstNonJsonPath, validateLeaf } from "./validate";
import { reservedKeysOf } from "./wire";

export interface CheckFailure {
  property: string;
  reason: string;
}

export interface CheckResult {
  inputs: Props;
  failures: CheckFailure[];
}

function requiredReason(field: Field): string {
  return field.hint ? `required; give ${field.hint}` : "required";
}

function checkField(path: string, field: Field, value: unknown, failures: CheckFailure[], siblings: FieldSpecs = {}): unknown {
  if (value === undefined || value === null) {
    if ("default" in field && field.default !== undefined) return field.default;
    if (field.required) failures.push({ property: path, reason: requiredReason(field) });
    return undefined;
  }
  if (isUnknown(value)) return value;
  // Stray whitespace from config files is not a real difference; secret material is kept verbatim.
  if (field.kind === "string" && !field.secret && typeof value === "string") value = value.trim();
  const reason = validateLeaf(field, value);
  if (reason) {
    failures.push({ property: path, reason });
    return value;
  }
  if (field.kind === "object") return checkObject(field.fields, value as Props, failures, `${path}.`);
  if (field.kind === "list") return checkList(path, field, value as unknown[], failures);
  if (field.kind === "json") checkJson(path, reservedKeysOf(siblings, field), value as Props, failures);
  return value;
}

function checkList(path: string, field: Extract<Field, { kind: "list" }>, items: unknown[], failures: CheckFailure[]): unknown[] {
  const inner: CheckFailure[] = [];
  const out = items.map((item, i) => {
    if (isUnknown(item)) return item;
    if (field.item.kind === "object" && !isPlainObject(item)) {
      inner.push({ property: `${path}[${i}]`, reason: "inputs must be an object" });
      return item;
    }
    return checkField(`${path}[${i}]`, { ...field.item, required: true }, item, inner);
  });
  // One message for the whole list reads better where items are plain values with one shared rule.
  if (inner.length > 0 && field.itemsHint) failures.push({ property: path, reason: `expected a list of ${field.itemsHint}` });
  else failures.push(...inner);
  return out;
}

function checkJson(path: string, reserved: readonly string[], value: Props, failures: CheckFailure[]): void {
  const clash = Object.keys(value).filter((k) => reserved.includes(k));
  if (clash.length > 0) {
    failures.push({ property: path, reason: `${clash.join(", ")} must be set through the typed argument(s) of the same name, not here` });
  }
  const bad = firstNonJsonPath(value, path);
  if (bad) failures.push({ property: bad, reason: "is not a JSON value (use strings, numbers, booleans, null, lists and objects)" });
}

function checkObject(specs: FieldSpecs, value: Props, failures: CheckFailure[], prefix: string, passThrough: readonly string[] = []): Props {
  const out: Props = {};
  for (const [name, field] of Object.entries(specs)) {
    const v = checkField(`${prefix}${name}`, field, value[name], failures, specs);
    if (v !== undefined) out[name] = v;
  }
  for (const name of Object.keys(value)) {
    if (name in specs || name.startsWith("__")) continue;
    if (passThrough.includes(name)) {
      out[name] = value[name];
      continue;
    }
    const known = Object.keys(specs).join(", ");
    failures.push({ property: `${prefix}${name}`, reason: `is not a known input; known inputs are ${known}` });
  }
  return out;
}

/**
 * Validates `news` against `specs`. Keys starting with "__" (Pulumi's own, e.g. __provider) and
 * names in `passThrough` (declared outputs set to undefined by the resource class) are kept as is.
 */
export function checkInputs(specs: FieldSpecs, news: Props, passThrough: readonly string[] = []): CheckResult {
  const failures: CheckFailure[] = [];
  if (!isPlainObject(news)) return { inputs: {}, failures: [{ property: "", reason: "inputs must be an object" }] };
  const inputs = checkObject(specs, news, failures, "", passThrough);
  for (const key of Object.keys(news)) if (key.startsWith("__")) inputs[key] = news[key];
  return { inputs, failures };
}
