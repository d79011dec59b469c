// Checks a response body against the contract's response tree (issue 15): every field the body carries
// must be one the SDK declares, with the declared type, and the fields it does carry are reported so a
// test can say how much of the declared tree an action returns. Paths name array items `[]` and map
// values `{}`, so one path stands for the field in every item.
import type { TypeNode } from "./contract";

export interface ResponseFinding {
  path: string;
  problem: "unknown" | "type";
  detail: string;
}

export interface ResponseCheck {
  findings: ResponseFinding[];
  /** Declared paths the body carries (every level, not only leaves). */
  present: Set<string>;
}

const join = (at: string, name: string): string => (at === "" ? name : `${at}.${name}`);

function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

/** Whether a JSON value has the declared type; "any" takes everything, a map is an object with free keys. */
function fits(node: TypeNode, v: unknown): boolean {
  switch (node.type) {
    case "any": return true;
    case "binary": return typeof v === "string";
    case "string": case "number": case "boolean": return typeof v === node.type;
    case "array": return Array.isArray(v);
    case "object": case "map": return kindOf(v) === "object";
  }
}

export function checkResponse(tree: { [wireName: string]: TypeNode }, body: unknown): ResponseCheck {
  const findings: ResponseFinding[] = [];
  const present = new Set<string>();
  const visit = (at: string, node: TypeNode, v: unknown): void => {
    if (!fits(node, v)) {
      findings.push({ path: at, problem: "type", detail: `declared ${node.type}, returned ${kindOf(v)}` });
      return;
    }
    if (node.type === "array" && node.items) for (const item of v as unknown[]) walk(`${at}[]`, node.items, item);
    if (node.type === "map" && node.values) for (const value of Object.values(v as object)) walk(`${at}{}`, node.values, value);
    if (node.type === "object") fields(at, node.children ?? {}, v as Record<string, unknown>);
  };
  const walk = (at: string, node: TypeNode, v: unknown): void => {
    present.add(at);
    visit(at, node, v);
  };
  const fields = (at: string, children: { [name: string]: TypeNode }, obj: Record<string, unknown>): void => {
    for (const [name, v] of Object.entries(obj)) {
      const child = Object.hasOwn(children, name) ? children[name] : undefined;
      if (!child) findings.push({ path: join(at, name), problem: "unknown", detail: "the SDK declares no such field" });
      else walk(join(at, name), child, v);
    }
  };
  if (kindOf(body) !== "object") findings.push({ path: "", problem: "type", detail: `declared object, returned ${kindOf(body)}` });
  else fields("", tree, body as Record<string, unknown>);
  return { findings, present };
}

/** Every declared path of a response tree, and which of them are leaves (no named fields below). */
export function declaredPaths(tree: { [wireName: string]: TypeNode }): { all: string[]; leaves: string[] } {
  const all: string[] = [];
  const leaves: string[] = [];
  const visit = (at: string, node: TypeNode): boolean => {
    if (node.children) {
      for (const [name, child] of Object.entries(node.children)) {
        const p = join(at, name);
        all.push(p);
        if (!visit(p, child)) leaves.push(p);
      }
      return Object.keys(node.children).length > 0;
    }
    // An array's item and a map's value are not fields of their own; only named fields count, as in countFields.
    if (node.items) return visit(`${at}[]`, node.items);
    if (node.values) return visit(`${at}{}`, node.values);
    return false;
  };
  visit("", { type: "object", children: tree });
  return { all, leaves };
}
