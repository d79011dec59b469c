// Drift: what changed in the cloud behind the stack's back, per resource and field.
//
// Source of truth (measured on Pulumi v3.274.1 with this provider, docs/drift.md): the JSON of
// `pulumi refresh --preview-only` and the refresh steps of `pulumi preview --refresh` both carry the
// *stored* state as old and new alike, so they show no field changes. The plan steps of
// `pulumi preview --refresh --json` do carry the refreshed state as their oldState. Drift is therefore
// the difference between the stored state (`pulumi stack export`) and those oldStates: inputs, which
// is what `pulumi up` would write back, plus a create step for a resource the state still holds (it was
// deleted out of band). A resource whose refreshed state already matches the program has no plan step
// and is not reported: it drifted to where the program wants it.
import { parseUrn, type PreviewJson, type PreviewStep } from "./previewSteps";
import { expandChange, kindOf, SECRET_MASK } from "./previewSummary";

/** The key Pulumi marks an encrypted (or --show-secrets) value with in exported state. */
export const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/**
 * Secret inputs are masked in preview JSON, so their content cannot be compared. For these kinds a
 * plain output the cloud reports stands in: a GatewaySecret's ExpiredTime changes with its certificate.
 */
const WITNESS_OUTPUTS: Record<string, string[]> = { GatewaySecret: ["expiredTime"] };

export interface StoredResource {
  urn: string;
  type: string;
  id?: string;
  custom?: boolean;
  delete?: boolean;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

export interface StoredState {
  deployment: { resources?: StoredResource[] };
}

export interface DriftedField {
  path: string;
  stored: unknown;
  live: unknown;
  secret: boolean;
}

export interface DriftedResource {
  urn: string;
  kind: string;
  name: string;
  id: string;
  drift: "changed" | "deleted";
  fields: DriftedField[];
}

export interface DriftReport {
  stack: string;
  /** Resources of the stack that were checked (providers and the stack itself excluded). */
  checked: number;
  resources: DriftedResource[];
}

/** Encrypted values in exported state and "[secret]" in preview JSON compare equal. */
export function maskSecrets(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(maskSecrets);
  if (typeof v !== "object" || v === null) return v;
  if (SECRET_SIG in v) return SECRET_MASK;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskSecrets(x)]));
}

function managed(r: StoredResource): boolean {
  const { type } = r;
  return r.custom !== false && !r.delete && type !== "pulumi:pulumi:Stack" && !type.startsWith("pulumi:providers:");
}

function compare(prefix: string, stored: Record<string, unknown>, live: Record<string, unknown>, keys: string[]): DriftedField[] {
  return keys.flatMap((k) => expandChange(prefix + k, maskSecrets(stored[k]), maskSecrets(live[k]))).map((p) => ({
    path: p.path, stored: p.before, live: p.after, secret: p.before === SECRET_MASK || p.after === SECRET_MASK,
  }));
}

function changedFields(stored: StoredResource, refreshed: PreviewStep["oldState"]): DriftedField[] {
  const a = stored.inputs ?? {};
  const b = refreshed?.inputs ?? {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== "__provider").sort();
  const witnesses = WITNESS_OUTPUTS[kindOf(stored.type)] ?? [];
  return [...compare("", a, b, keys), ...compare("outputs.", stored.outputs ?? {}, refreshed?.outputs ?? {}, witnesses)];
}

function driftOf(stored: StoredResource, step: PreviewStep): DriftedResource | undefined {
  const base = { urn: stored.urn, kind: kindOf(stored.type), name: parseUrn(stored.urn).name, id: stored.id ?? "" };
  if (step.op === "create") return { ...base, drift: "deleted", fields: [] };
  if (!step.oldState) return undefined;
  const fields = changedFields(stored, step.oldState);
  return fields.length > 0 ? { ...base, drift: "changed", fields } : undefined;
}

export function detectDrift(stored: StoredState, preview: PreviewJson, stack = ""): DriftReport {
  const resources = (stored.deployment.resources ?? []).filter(managed);
  const byUrn = new Map(resources.map((r) => [r.urn, r] as const));
  const drifted = new Map<string, DriftedResource>();
  for (const step of preview.steps ?? []) {
    const r = byUrn.get(step.urn);
    if (!r || step.op === "refresh" || step.op === "same" || drifted.has(step.urn)) continue;
    const d = driftOf(r, step);
    if (d) drifted.set(step.urn, d);
  }
  const order = resources.map((r) => r.urn);
  return { stack, checked: resources.length, resources: [...drifted.values()].sort((x, y) => order.indexOf(x.urn) - order.indexOf(y.urn)) };
}
