// The wire mapping every kind shares: a field's `wire` path says where its value goes in what the API is
// sent, `readBack` where the API reports it (when that differs). Paths are relative to the enclosing
// wired group or list item; a group without a path only groups inputs, its fields keep their parent's
// base. So each field is declared once, and sending and reading back are inverses by construction.
import { Field, FieldSpecs, isPlainObject, Props } from "./fields";
import { deepEqual } from "./diff";
import { getPath } from "./paths";

export interface ReadOptions {
  /** The API reports "none" as an empty list (e.g. Domains: []): read one as unset. */
  emptyListIsUnset?: boolean;
}

type Side = "write" | "read";

/** Where a field is written, or read from (the first of its read-back paths). */
function pathOf(field: Field, name: string, wired: boolean, side: Side): string | undefined {
  return side === "read" ? readPaths(field, name, wired)[0] : field.wire ?? (wired ? name : undefined);
}

function readPaths(field: Field, name: string, wired: boolean): readonly string[] {
  if (field.readBack === false) return [];
  if (typeof field.readBack === "string") return [field.readBack];
  if (field.readBack !== undefined) return field.readBack;
  const path = field.wire ?? (wired ? name : undefined);
  return path === undefined ? [] : [path];
}

/** Sets `path` in `out` (creating objects on the way); an object value merges into one already there. */
function put(out: Props, path: string, value: unknown): void {
  const keys = path.split(".");
  let cur = out;
  for (const k of keys.slice(0, -1)) {
    if (!isPlainObject(cur[k])) cur[k] = {};
    cur = cur[k] as Props;
  }
  const last = keys[keys.length - 1];
  cur[last] = isPlainObject(value) && isPlainObject(cur[last]) ? { ...(cur[last] as Props), ...value } : value;
}

function write(specs: FieldSpecs, values: Props, out: Props, wired: boolean): Props {
  for (const [name, field] of Object.entries(specs)) {
    const v = values[name];
    if (v === undefined || v === null) continue;
    const path = pathOf(field, name, wired, "write");
    if (field.kind === "object") {
      if (!isPlainObject(v)) continue;
      if (path === undefined) {
        write(field.fields, v, out, false);
        continue;
      }
      const child = write(field.fields, v, {}, true);
      if (Object.keys(child).length > 0) put(out, path, child);
    } else if (path !== undefined) {
      const item = field.kind === "list" ? field.item : undefined;
      put(out, path, item?.kind === "object" && Array.isArray(v) ? v.map((e) => (isPlainObject(e) ? write(item.fields, e, {}, true) : e)) : v);
    }
  }
  return out;
}

/** What the API is sent for `inputs`: only declared values, no empty objects. */
export function toWire(specs: FieldSpecs, inputs: Props): Props {
  return write(specs, inputs, {}, false);
}

/** The first key under `base` of every field at this level except `except` (groups without a path included). */
function claimedUnder(specs: FieldSpecs, base: string, wired: boolean, side: Side, except: Field): string[] {
  return Object.entries(specs).flatMap(([name, field]) => {
    if (field === except) return [];
    const path = pathOf(field, name, wired, side);
    if (path === undefined) return field.kind === "object" ? claimedUnder(field.fields, base, false, side, except) : [];
    return path.startsWith(`${base}.`) ? [path.slice(base.length + 1).split(".")[0]] : [];
  });
}

/** The keys a spreading JSON field must not carry: its siblings' keys in the same wire object. */
export function reservedKeysOf(specs: FieldSpecs, field: Extract<Field, { kind: "json" }>): readonly string[] {
  if (!field.spread || field.wire === undefined) return field.reservedKeys ?? [];
  return [...(field.reservedKeys ?? []), ...claimedUnder(specs, field.wire, false, "write", field)];
}

function readJson(raw: unknown): Props | undefined {
  if (isPlainObject(raw)) return raw;
  // APIs hand nested JSON back as a string ("" or "null" meaning none).
  if (typeof raw !== "string" || raw.trim() === "") return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isPlainObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A reported scalar as the field's type: APIs report booleans and numbers as strings in places
 * ("true", "25"), and "" for a value that is not set, which reads as unset (except for a string field
 * that may be empty).
 */
function asFieldType(field: Field, raw: unknown): unknown {
  if (raw === "" && !(field.kind === "string" && field.allowEmpty)) return undefined;
  switch (field.kind) {
    case "bool":
      return typeof raw === "string" ? raw.trim().toLowerCase() === "true" : raw;
    case "int":
    case "number":
      return typeof raw === "string" && raw.trim() !== "" && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    case "string":
      if (field.jsonText && raw !== null && typeof raw === "object") return JSON.stringify(raw);
      return typeof raw === "number" || typeof raw === "boolean" ? String(raw) : raw;
    case "enum":
      return typeof raw === "number" || typeof raw === "boolean" ? String(raw) : raw;
    default:
      return raw;
  }
}

function readValue(field: Field, given: unknown, opts: ReadOptions, unclaimed: (o: Props) => Props): unknown {
  const raw = asFieldType(field, given);
  if (raw === undefined || raw === null) return undefined;
  if (Array.isArray(raw) && raw.length === 0 && opts.emptyListIsUnset) return undefined;
  if (field.kind === "list" && field.item.kind === "object" && Array.isArray(raw)) {
    const item = field.item;
    return raw.map((e) => (isPlainObject(e) ? read(item.fields, e, true, opts) : e));
  }
  if (field.kind === "json") {
    const value = readJson(raw);
    if (value === undefined || !field.spread) return value;
    const rest = unclaimed(value);
    return Object.keys(rest).length > 0 ? rest : undefined;
  }
  return raw;
}

function read(specs: FieldSpecs, wire: Props, wired: boolean, opts: ReadOptions): Props {
  const out: Props = {};
  for (const [name, field] of Object.entries(specs)) {
    const path = pathOf(field, name, wired, "read");
    let v: unknown;
    if (field.kind === "object") {
      const src = path === undefined ? wire : getPath(wire, path);
      if (!isPlainObject(src)) continue;
      const group = read(field.fields, src, path !== undefined, opts);
      v = Object.keys(group).length > 0 ? group : undefined;
    } else {
      for (const at of readPaths(field, name, wired)) {
        const unclaimed = (o: Props) => {
          const taken = claimedUnder(specs, at, wired, "read", field);
          return Object.fromEntries(Object.entries(o).filter(([k]) => !taken.includes(k)));
        };
        v = readValue(field, getPath(wire, at), opts, unclaimed);
        if (v !== undefined) break;
      }
    }
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** The inputs what the API reports corresponds to (the inverse of toWire for the fields it reports). */
export function fromWire(specs: FieldSpecs, wire: Props, opts: ReadOptions = {}): Props {
  return read(specs, wire, false, opts);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a !== "string" || typeof b !== "string") return false;
  try {
    return deepEqual(JSON.parse(a), JSON.parse(b));
  } catch {
    return false;
  }
}

/**
 * `declared` with each input it sets replaced by the value in `live` (what fromWire read), where the
 * API reports one: refresh then shows out-of-band changes of what the program manages, and nothing
 * the program leaves to the API's defaults.
 */
export function withLiveValues(specs: FieldSpecs, declared: Props, live: Props): Props {
  const out: Props = { ...declared };
  for (const [name, field] of Object.entries(specs)) {
    const want = declared[name];
    const have = live[name];
    if (want === undefined || have === undefined) continue;
    // JSON text the API reports as a structure: the program's own spelling stands while the JSON is equal.
    if (field.kind === "string" && field.jsonText && sameJson(want, have)) continue;
    out[name] = field.kind === "object" && isPlainObject(want) && isPlainObject(have) ? withLiveValues(field.fields, want, have) : have;
  }
  return out;
}
