// Reading `pulumi preview --json` (and `pulumi refresh --preview-only --json`) output: which resources
// change, how, and which fields. Dynamic providers hand the engine no per-field diff (their diff RPC
// forwards only changes/replaces), so the JSON has no diffReasons and no detailedDiff for our resources:
// changed fields are computed here from the old and new inputs (or outputs, for refresh).

export interface StepState {
  type?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

export interface PreviewStep {
  op: string;
  urn: string;
  oldState?: StepState;
  newState?: StepState;
  diffReasons?: string[];
  replaceReasons?: string[];
  detailedDiff?: Record<string, unknown> | null;
}

export interface PreviewJson {
  steps?: PreviewStep[];
  changeSummary?: Record<string, number>;
  diagnostics?: { message: string; severity: string; urn?: string }[];
}

/** The engine's placeholder for a value known only after apply. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const INTERNAL = new Set(["__provider"]);

export function parseUrn(urn: string): { type: string; name: string } {
  const parts = urn.split("::");
  return { type: parts[parts.length - 2] ?? "", name: parts[parts.length - 1] ?? "" };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Dotted paths whose values differ; arrays and scalars compare whole. */
export function diffPaths(a: unknown, b: unknown, prefix = ""): string[] {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !(prefix === "" && INTERNAL.has(k)));
    return keys.sort().flatMap((k) => diffPaths(a[k], b[k], prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [prefix || "(value)"];
}

/**
 * Fields a step changes. Replacements and updates compare inputs; refresh steps compare outputs
 * (what the cloud says now against what state held). Creates and deletes list no fields.
 */
export function changedFields(step: PreviewStep): string[] {
  if (step.diffReasons && step.diffReasons.length > 0) return [...step.diffReasons].sort();
  const { oldState: o, newState: n } = step;
  if (!o || !n) return [];
  if (step.op === "refresh") return diffPaths(o.outputs ?? {}, n.outputs ?? {});
  // Secrets read "[secret]" on both sides of the JSON, so a changed certificate leaves no input diff:
  // the provider's replaceReasons still name it.
  const fields = diffPaths(o.inputs ?? {}, n.inputs ?? {});
  const covered = (reason: string) => fields.some((f) => f === reason || f.startsWith(`${reason}.`));
  return [...fields, ...(step.replaceReasons ?? []).filter((r) => !covered(r))].sort();
}

const NO_CHANGE = new Set(["same", "read", "refresh"]);
const ORDER = ["replace", "create-replacement", "delete-replaced", "delete", "update", "create", "import"];

/** One entry per resource that changes, with the most significant operation the preview plans for it. */
export function plannedChanges(preview: PreviewJson): { urn: string; type: string; name: string; op: string; fields: string[]; replaceReasons: string[] }[] {
  const byUrn = new Map<string, PreviewStep>();
  for (const s of preview.steps ?? []) {
    if (NO_CHANGE.has(s.op) || parseUrn(s.urn).type === "pulumi:pulumi:Stack") continue;
    const seen = byUrn.get(s.urn);
    const rank = (op: string) => (ORDER.indexOf(op) === -1 ? ORDER.length : ORDER.indexOf(op));
    if (!seen || rank(s.op) < rank(seen.op)) byUrn.set(s.urn, s);
  }
  return [...byUrn.values()].map((s) => {
    const op = s.op === "create-replacement" || s.op === "delete-replaced" ? "replace" : s.op;
    return { urn: s.urn, ...parseUrn(s.urn), op, fields: changedFields(s), replaceReasons: s.replaceReasons ?? [] };
  });
}
