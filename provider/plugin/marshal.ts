// Properties between the engine's protobuf Structs and the plain objects the implementations take.
// The engine marks a secret as {<sig key>: <secret sig>, value} (sdk/nodejs/runtime/rpc.ts specialSigKey and
// specialSecretSig); the implementations never see the marker. Which top-level properties carried one is
// remembered, so the answer marks them again: a secret input stays secret in the outputs.
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { Props } from "../schema";

export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

export interface Unwrapped {
  props: Props;
  /** Top-level properties that held a secret at any depth. */
  secrets: Set<string>;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

export const isSecretMarker = (v: unknown): v is Record<string, unknown> => isObject(v) && v[SIG_KEY] === SECRET_SIG;

/** The value with every secret marker replaced by its value; `found` is called once per marker seen. */
function unwrapValue(value: unknown, found: () => void): unknown {
  if (isSecretMarker(value)) {
    found();
    return unwrapValue(value.value, found);
  }
  if (Array.isArray(value)) return value.map((v) => unwrapValue(v, found));
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapValue(v, found)]));
}

export function unwrapProps(raw: Record<string, unknown> | undefined): Unwrapped {
  const secrets = new Set<string>();
  const props: Props = {};
  for (const [k, v] of Object.entries(raw ?? {})) props[k] = unwrapValue(v, () => secrets.add(k));
  return { props, secrets };
}

export function fromStruct(struct: Struct | undefined): Unwrapped {
  return unwrapProps(struct?.toJavaScript());
}

// Struct.fromJavaScript throws "Unexpected struct type." on an undefined value at any depth.
function defined(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(defined);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, defined(v)]));
}

/** The props as a Struct, the properties named in `secrets` wrapped as secrets. */
export function toStruct(props: Props, secrets: ReadonlySet<string> = new Set()): Struct {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined) continue;
    out[k] = secrets.has(k) ? { [SIG_KEY]: SECRET_SIG, value: defined(v) } : defined(v);
  }
  // The Struct's own type says JavaScriptValue; our values are JSON by construction (defined() above).
  return Struct.fromJavaScript(out as Parameters<typeof Struct.fromJavaScript>[0]);
}
