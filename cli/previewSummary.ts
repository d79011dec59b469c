// Turns `pulumi preview --json` into a summary for a pull-request comment: per resource the operation and
// the changed fields, with replacements and deletions of the resources whose loss interrupts traffic
// (ServiceMesh, ASMGateway, GatewaySecret) singled out as disruptive. Values the engine masks as
// "[secret]" are never shown, only their field names; values it does not know yet read
// "(known after apply)". Rendering to markdown lives in previewMarkdown.ts.
import { changedFields, plannedChanges, UNKNOWN, type PreviewJson, type PreviewStep } from "./previewSteps";

/** Kinds whose replacement or deletion interrupts traffic or removes a certificate. */
export const DISRUPTIVE_KINDS: readonly string[] = ["ServiceMesh", "ASMGateway", "GatewaySecret"];
const DISRUPTIVE_OPS = new Set(["replace", "delete"]);
const TYPE_PREFIX = "pulumi-nodejs:dynamic/asm:";

/** How the engine shows a secret value in preview JSON. */
export const SECRET_MASK = "[secret]";

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
  /** Either side is a secret: print the name only. */
  secret: boolean;
  /** The new value (or part of it) is only known after apply. */
  unknown: boolean;
  /** The provider named this field as a reason to replace the resource. */
  forcesReplacement: boolean;
}

export interface ResourceChange {
  urn: string;
  /** Short kind for our resources (ServiceMesh), the full type token for anything else. */
  kind: string;
  name: string;
  op: string;
  fields: FieldChange[];
  disruptive: boolean;
}

export interface PreviewSummary {
  stack: string;
  project: string;
  changes: ResourceChange[];
  /** The engine's counts per operation (same = unchanged), stack resource included. */
  counts: Record<string, number>;
  errors: string[];
  warnings: string[];
}

export function kindOf(type: string): string {
  return type.startsWith(TYPE_PREFIX) ? type.slice(TYPE_PREFIX.length) : type;
}

/** Reads a dotted path as produced by diffPaths. */
export function valueAt(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const key of path.split(".")) {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function isSecret(v: unknown): boolean {
  return v === SECRET_MASK || JSON.stringify(v ?? null).includes(JSON.stringify(SECRET_MASK));
}

function containsUnknown(v: unknown): boolean {
  return v === UNKNOWN || JSON.stringify(v ?? null).includes(UNKNOWN);
}

type Pair = { path: string; before: unknown; after: unknown };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Narrows a changed value to the parts that changed: arrays of equal length element by element
 * (`destinations[1].weight`), objects key by key. Anything else is reported whole.
 */
export function expandChange(path: string, before: unknown, after: unknown): Pair[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((b, i) => expandChange(`${path}[${i}]`, b, after[i]));
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => expandChange(`${path}.${k}`, before[k], after[k]));
  }
  return [{ path, before, after }];
}

function fieldChanges(step: PreviewStep, op: string): FieldChange[] {
  if (op === "create" || op === "delete") return [];
  const reasons = new Set(step.replaceReasons ?? []);
  return changedFields(step).flatMap((field) => {
    const before = valueAt(step.oldState?.inputs, field);
    const after = valueAt(step.newState?.inputs, field);
    const forcesReplacement = reasons.has(field) || reasons.has(field.split(".")[0]);
    // A secret reads "[secret]" on both sides, and an unknown must not be split into parts.
    const whole = isSecret(before) || isSecret(after) || containsUnknown(after) || JSON.stringify(before) === JSON.stringify(after);
    const pairs = whole ? [{ path: field, before, after }] : expandChange(field, before, after);
    return pairs.map((p) => ({
      ...p, forcesReplacement,
      secret: isSecret(p.before) || isSecret(p.after),
      unknown: containsUnknown(p.after),
    }));
  });
}

const OP_RANK = ["delete", "replace", "update", "create"];
const rank = (list: readonly string[], v: string) => (list.indexOf(v) === -1 ? list.length : list.indexOf(v));

function byImportance(a: ResourceChange, b: ResourceChange): number {
  return rank(OP_RANK, a.op) - rank(OP_RANK, b.op)
    || rank(DISRUPTIVE_KINDS, a.kind) - rank(DISRUPTIVE_KINDS, b.kind)
    || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name);
}

function stackAndProject(preview: PreviewJson): { stack: string; project: string } {
  // urn:pulumi:<stack>::<project>::<type>::<name>
  const urn = preview.steps?.[0]?.urn ?? "";
  const m = /^urn:pulumi:([^:]+)::([^:]+)::/.exec(urn);
  return { stack: m?.[1] ?? "", project: m?.[2] ?? "" };
}

function diagnostics(preview: PreviewJson, severity: string): string[] {
  return (preview.diagnostics ?? []).filter((d) => d.severity === severity).map((d) => d.message.trim()).filter((m) => m !== "");
}

export function summarizePreview(preview: PreviewJson, opts: { stack?: string } = {}): PreviewSummary {
  const all = preview.steps ?? [];
  const changes = plannedChanges(preview).map((c): ResourceChange => {
    // plannedChanges folds create-replacement/delete-replaced into "replace"; prefer the step that says so.
    const step = all.find((s) => s.urn === c.urn && s.op === c.op) ?? all.find((s) => s.urn === c.urn) ?? { op: c.op, urn: c.urn };
    const kind = kindOf(c.type);
    const disruptive = DISRUPTIVE_OPS.has(c.op) && DISRUPTIVE_KINDS.includes(kind);
    return { urn: c.urn, kind, name: c.name, op: c.op, fields: fieldChanges(step, c.op), disruptive };
  });
  const ids = stackAndProject(preview);
  return {
    stack: opts.stack ?? ids.stack,
    project: ids.project,
    changes: changes.sort(byImportance),
    counts: { ...(preview.changeSummary ?? {}) },
    errors: diagnostics(preview, "error"),
    warnings: diagnostics(preview, "warning"),
  };
}

export function hasDisruptive(summary: PreviewSummary): boolean {
  return summary.changes.some((c) => c.disruptive);
}

