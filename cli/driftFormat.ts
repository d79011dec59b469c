// Text and JSON renderings of a drift report. Secret fields are named, never shown.
import type { DriftedField, DriftReport } from "./drift";

const MAX_VALUE = 80;

function show(v: unknown): string {
  if (v === undefined) return "(none)";
  const text = JSON.stringify(v);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function fieldLine(f: DriftedField): string {
  return f.secret ? `    ${f.path}: (secret value differs)` : `    ${f.path}: ${show(f.stored)} in state, ${show(f.live)} live`;
}

export function formatDriftText(report: DriftReport): string {
  const where = report.stack ? ` in stack ${report.stack}` : "";
  if (report.resources.length === 0) return `No drift${where}: ${report.checked} resources match the stack's state.\n`;
  const lines = [`Drift${where}: ${report.resources.length} of ${report.checked} resources differ from the stack's state.`, ""];
  for (const r of report.resources) {
    if (r.drift === "deleted") lines.push(`  ${r.kind} ${r.name} (${r.id}): deleted out of band`);
    else lines.push(`  ${r.kind} ${r.name} (${r.id}): changed`, ...r.fields.map(fieldLine));
  }
  lines.push("", "`pulumi up` puts the declared values back; `pulumi refresh` accepts the live values into state.");
  return `${lines.join("\n")}\n`;
}

/** Machine-readable form: secret fields carry no values at all. */
export function formatDriftJson(report: DriftReport): string {
  const resources = report.resources.map((r) => ({
    ...r,
    fields: r.fields.map((f) => (f.secret ? { path: f.path, secret: true } : { path: f.path, stored: f.stored, live: f.live })),
  }));
  return `${JSON.stringify({ stack: report.stack, drifted: resources.length > 0, checked: report.checked, resources }, null, 2)}\n`;
}
