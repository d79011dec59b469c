// Validation helpers the gateway-family resources (ASMGateway, GatewayRoute) share for inputs the
// schema DSL has no field kind for: lists of objects and free-form JSON passthroughs. Element fields
// are still declared with the DSL and checked by the generic engine, so messages read the same.
import { CheckFailure, checkInputs, FieldSpecs, isPlainObject, isUnknown, Props } from "../schema";

/** The free-form JSON the passthrough inputs (extraSpec, rawVirtualServiceRoute) carry. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Checks every element of a list of objects against `specs`; failures are reported as `path[i].field`. */
export function checkObjectList(path: string, specs: FieldSpecs, value: unknown, failures: CheckFailure[]): unknown {
  if (value === undefined || value === null || isUnknown(value)) return value ?? undefined;
  if (!Array.isArray(value)) {
    failures.push({ property: path, reason: "expected a list of objects" });
    return value;
  }
  return value.map((element, i) => {
    if (isUnknown(element)) return element;
    const { inputs, failures: inner } = checkInputs(specs, isPlainObject(element) ? element : (element as Props));
    for (const f of inner) failures.push({ property: `${path}[${i}]${f.property ? `.${f.property}` : ""}`, reason: f.reason });
    return inputs;
  });
}

/** Checks an optional nested object against `specs`, reporting as `path.field`; `passThrough` keys are left to the caller. */
export function checkNestedObject(path: string, specs: FieldSpecs, value: unknown, failures: CheckFailure[], passThrough: readonly string[] = []): unknown {
  if (value === undefined || value === null || isUnknown(value)) return value ?? undefined;
  const { inputs, failures: inner } = checkInputs(specs, isPlainObject(value) ? value : (value as Props), passThrough);
  for (const f of inner) failures.push({ property: f.property ? `${path}.${f.property}` : path, reason: f.reason });
  return inputs;
}

/** A JSON passthrough must be a plain object whose values are JSON (no functions, no undefined). */
export function checkJsonObject(path: string, value: unknown, failures: CheckFailure[], reservedKeys: readonly string[] = []): void {
  if (value === undefined || value === null || isUnknown(value)) return;
  if (!isPlainObject(value)) {
    failures.push({ property: path, reason: "expected an object of JSON values" });
    return;
  }
  const clash = Object.keys(value).filter((k) => reservedKeys.includes(k));
  if (clash.length > 0) {
    failures.push({ property: path, reason: `${clash.join(", ")} must be set through the typed argument(s) of the same name, not here` });
  }
  const bad = firstNonJsonPath(value, path);
  if (bad) failures.push({ property: bad, reason: "is not a JSON value (use strings, numbers, booleans, null, lists and objects)" });
}

function firstNonJsonPath(value: unknown, path: string): string | undefined {
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

/** DNS-1123 label: what Kubernetes accepts as a name or namespace. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
export const DNS_LABEL_HINT = "lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters";
/** A Kubernetes resource quantity such as 200m, 2, 256Mi or 4G. */
export const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;
/** An Istio duration such as 5s, 250ms or 1m. */
export const ISTIO_DURATION = /^[0-9]+(\.[0-9]+)?(h|m|s|ms|us|µs|ns)$/;
