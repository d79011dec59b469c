// Reads two facts from an SDK model field's doc comment: the values it documents as valid, and the
// documented default. The comments are prose written for people, so each reading accepts only the
// few forms the SDK uses consistently and gives nothing when unsure: a missing fact is honest, a
// wrong one would make a contract test pass or fail for no reason.

export interface DocFacts {
  values?: string[];
  documentedDefault?: string;
}

/** The comment's text without its markers, split into its tagged sections (`remarks`, `example`, ...). */
function sections(comment: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const raw of comment.split("\n")) {
    const line = raw.replace(/^\s*\/\*\*?/, "").replace(/\*\/\s*$/, "").replace(/^\s*\* ?/, "").trimEnd();
    const tag = /^@(\w+)\s*(.*)$/.exec(line.trim());
    if (tag) {
      current = [];
      // A tag seen twice makes its sections ambiguous; neither is read then.
      out.set(tag[1], out.has(tag[1]) ? [] : current);
      if (tag[2] !== "") current.push(tag[2]);
      continue;
    }
    current?.push(line);
  }
  return out;
}

/** A token as the docs quote it: `x`, "x", “x”, or bare; `""` and “” are the empty string. */
function unquote(token: string): string {
  const t = token.trim();
  for (const [open, close] of [["`", "`"], ['"', '"'], ["“", "”"]]) {
    if (t.length >= 2 && t.startsWith(open) && t.endsWith(close)) return unquote(t.slice(1, -1));
  }
  return t;
}

/** The example, when it is one line: a value in the list must be able to stand for it. */
function exampleOf(s: Map<string, string[]>): string | undefined {
  const lines = (s.get("example") ?? []).map((l) => l.trim()).filter((l) => l !== "");
  return lines.length === 1 ? unquote(lines[0]) : undefined;
}

// "`a`, `b`, and `c`." (also "or", a single "`a`."), everything quoted.
const INLINE = /^`([^`]*)`(?:,\s*`[^`]*`)*(?:,?\s+(?:and|or)\s+`[^`]*`)?\.?$/;
// One bullet naming one value, then ": what it means", or nothing.
const QUOTED_BULLET = /^[*-]\s+`([^`]*)`(?::\s.*)?$/;
const BARE_BULLET = /^[*-]\s+([^\s`:]+)(?::\s.*)?$/;
const BULLET = /^[*-]\s/;

function inlineValues(rest: string): string[] | undefined {
  if (!INLINE.test(rest)) return undefined;
  return [...rest.matchAll(/`([^`]*)`/g)].map((m) => unquote(`\`${m[1]}\``));
}

/**
 * The bullets from `from` on (blank lines between them allowed), up to the first other line. Each must
 * name one value; `quotedOnly` demands the `value` form, for a list no "Valid values:" announces.
 */
function bulletValues(lines: string[], from: number, quotedOnly: boolean): string[] | undefined {
  const values: string[] = [];
  for (const line of lines.slice(from).map((l) => l.trim())) {
    if (line === "") continue;
    if (!BULLET.test(line)) break;
    const quoted = QUOTED_BULLET.exec(line);
    const bare = quoted || quotedOnly ? null : BARE_BULLET.exec(line);
    if (quoted) values.push(unquote(`\`${quoted[1]}\``));
    else if (bare) values.push(unquote(bare[1]));
    else return undefined;
  }
  return values.length > 0 ? values : undefined;
}

function listedValues(remarks: string[]): string[] | undefined {
  const announced = remarks.flatMap((l, i) => (/Valid values:/.test(l) ? [i] : []));
  if (announced.length > 1) return undefined;
  if (announced.length === 1) {
    const i = announced[0];
    const rest = remarks[i].slice(remarks[i].indexOf("Valid values:") + "Valid values:".length).trim();
    return rest === "" ? bulletValues(remarks, i + 1, false) : inlineValues(rest);
  }
  // Unannounced: one list of quoted values right after the opening sentence ("The log level of ...").
  const first = remarks.findIndex((l) => l.trim() !== "");
  const next = remarks.findIndex((l, i) => i > first && l.trim() !== "");
  if (first < 0 || next < 0 || BULLET.test(remarks[first].trim()) || !BULLET.test(remarks[next].trim())) return undefined;
  return bulletValues(remarks, next, true);
}

/** The documented valid values of a field of SDK type `type`, or undefined when not clearly listed. */
export function documentedValues(comment: string, type: string): string[] | undefined {
  // A boolean's true/false list says nothing its type does not.
  if (type === "boolean") return undefined;
  const s = sections(comment);
  const values = listedValues(s.get("remarks") ?? []);
  if (!values || new Set(values).size !== values.length) return undefined;
  // A one-line example outside the list means the list is about something else (a copied comment, or
  // keys of a JSON value): not a list of this field's values.
  const example = exampleOf(s);
  if (example !== undefined && !values.includes(example)) return undefined;
  return values;
}

/** The value after "Default value:", when there is exactly one and it is one token. */
export function documentedDefault(comment: string): string | undefined {
  const text = (sections(comment).get("remarks") ?? []).join("\n");
  const found = [...text.matchAll(/Default value: (.*)$/gm)];
  if (found.length !== 1) return undefined;
  const rest = found[0][1].trim();
  const quoted = /^`([^`]*)`(?:\.|\s|$)/.exec(rest);
  if (quoted) return unquote(`\`${quoted[1]}\``);
  // Bare, it ends at a full stop before a space or the line's end ("cluster.local. This ...").
  const bare = /^(\S+?)\.?$/.exec(rest) ?? /^(\S+?)\.\s/.exec(rest);
  return bare ? bare[1] : undefined;
}

export function docFacts(comment: string, type: string): DocFacts {
  const facts: DocFacts = {};
  const values = documentedValues(comment, type);
  const def = documentedDefault(comment);
  if (values) facts.values = values;
  if (def !== undefined) facts.documentedDefault = def;
  return facts;
}
