// Markdown for a GitHub pull-request comment from a PreviewSummary: a heading naming the stack, one
// line of counts, the disruptive changes first (marked ⚠️), then the other changes, then the
// preview's errors and warnings. Secret values never appear: a secret field is named, not shown.
import type { FieldChange, PreviewSummary, ResourceChange } from "./previewSummary";

const MAX_VALUE = 60;
const MAX_DIAGNOSTIC = 1_500;
const COUNT_ORDER = ["create", "update", "replace", "delete"];
const COUNT_WORDS: Record<string, string> = {
  create: "to create", update: "to update", replace: "to replace", delete: "to delete",
};

/** A value as inline code, short enough for a table cell. */
export function formatValue(v: unknown): string {
  if (v === undefined) return "_(none)_";
  const text = JSON.stringify(v);
  const short = text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
  return `\`${short.replace(/`/g, "'").replace(/\|/g, "\\|")}\``;
}

export function formatField(f: FieldChange): string {
  const name = `\`${f.path}\``;
  const suffix = f.forcesReplacement ? " _(forces replacement)_" : "";
  if (f.secret) return `${name} (secret value changed)${suffix}`;
  const after = f.unknown ? "_(known after apply)_" : formatValue(f.after);
  return `${name}: ${formatValue(f.before)} → ${after}${suffix}`;
}

function fieldsCell(c: ResourceChange): string {
  if (c.op === "create") return "new resource";
  if (c.op === "delete") return "removed";
  return c.fields.length === 0 ? "—" : c.fields.map(formatField).join("<br>");
}

function table(changes: ResourceChange[], marker: boolean): string[] {
  const head = marker ? "| | Resource | Kind | Operation | Changed fields |" : "| Resource | Kind | Operation | Changed fields |";
  const rule = marker ? "|---|---|---|---|---|" : "|---|---|---|---|";
  const rows = changes.map((c) => {
    const cells = [`\`${c.name}\``, c.kind, `**${c.op}**`, fieldsCell(c)];
    return `| ${(marker ? ["⚠️", ...cells] : cells).join(" | ")} |`;
  });
  return [head, rule, ...rows];
}

export function countLine(counts: Record<string, number>): string {
  const ops = Object.keys(counts).filter((op) => op !== "same" && counts[op] > 0);
  ops.sort((a, b) => (COUNT_ORDER.indexOf(a) + 1 || 99) - (COUNT_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
  const parts = ops.map((op) => `${counts[op]} ${COUNT_WORDS[op] ?? op}`);
  const same = counts.same ?? 0;
  if (parts.length === 0) return `No changes. ${same} unchanged.`;
  return `**Plan:** ${parts.join(" · ")} · ${same} unchanged`;
}

function codeBlock(text: string): string[] {
  const clipped = text.length > MAX_DIAGNOSTIC ? `${text.slice(0, MAX_DIAGNOSTIC)}\n…` : text;
  return ["```", clipped.replace(/```/g, "'''"), "```"];
}

function diagnosticsSection(title: string, messages: string[]): string[] {
  if (messages.length === 0) return [];
  return ["", `#### ${title}`, "", ...messages.flatMap((m) => [...codeBlock(m), ""])].slice(0, -1);
}

function changeSections(summary: PreviewSummary): string[] {
  const disruptive = summary.changes.filter((c) => c.disruptive);
  const other = summary.changes.filter((c) => !c.disruptive);
  const out: string[] = [];
  if (disruptive.length > 0) {
    out.push("", `#### ⚠️ Disruptive changes (${disruptive.length})`, "",
      "Replacing or deleting a ServiceMesh, ASMGateway or GatewaySecret interrupts traffic through it " +
      "or removes a certificate that gateways serve. Check these before merging.", "", ...table(disruptive, true));
  }
  if (other.length > 0) out.push("", `#### Other changes (${other.length})`, "", ...table(other, false));
  return out;
}

export function renderMarkdown(summary: PreviewSummary): string {
  const where = summary.project ? ` (project \`${summary.project}\`)` : "";
  const lines = [`### Pulumi preview: stack \`${summary.stack || "unknown"}\`${where}`, ""];
  lines.push(summary.errors.length > 0 ? "❌ **The preview failed.** The plan below is incomplete." : countLine(summary.counts));
  lines.push(...changeSections(summary));
  lines.push(...diagnosticsSection("❌ Errors", summary.errors));
  lines.push(...diagnosticsSection("Warnings", summary.warnings));
  return `${lines.join("\n")}\n`;
}
