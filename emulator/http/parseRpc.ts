// Turns an RPC request into {action, version, params}. Both signature styles land here: ACS3 puts
// the action in the x-acs-action header, the legacy style in the Action query parameter. Query and
// form body are merged (the reference PDF sends everything as a GET query, the SDK splits them),
// then flattened keys such as Tag.1.Key are rebuilt into arrays and objects. Whether each parameter came
// in the place the SDK sends it is paramCheck.ts's question, which is why both lists are kept.
import type { IncomingHttpHeaders } from "node:http";

export interface RpcRequest {
  method: string;
  action: string | undefined;
  version: string | undefined;
  /** Decoded query parameters, in wire order. */
  query: [string, string][];
  /** Decoded form-body parameters. */
  body: [string, string][];
  /** query ∪ body, body wins on a clash. */
  flat: Record<string, string>;
  params: Record<string, unknown>;
}

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v.join(",") : v;
};

export function parseRpc(method: string, rawQuery: string, headers: IncomingHttpHeaders, body: Buffer): RpcRequest {
  const query = [...new URLSearchParams(rawQuery)];
  const contentType = (header(headers, "content-type") ?? "").toLowerCase();
  const form = body.length > 0 && contentType.startsWith("application/x-www-form-urlencoded")
    ? [...new URLSearchParams(body.toString("utf8"))]
    : [];
  const flat: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of query) flat[k] = v;
  for (const [k, v] of form) flat[k] = v;
  return {
    method,
    action: header(headers, "x-acs-action") ?? flat.Action,
    version: header(headers, "x-acs-version") ?? flat.Version,
    query,
    body: form,
    flat,
    params: unflatten(flat),
  };
}

type Node = Record<string, unknown> | unknown[];

const UNSAFE_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);

/** "Tag.1.Key=a" → {Tag: [{Key: "a"}]}; numeric segments are 1-based list positions. */
export function unflatten(flat: Record<string, string>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split(".");
    if (parts.some((part) => UNSAFE_SEGMENTS.has(part))) continue;   // no prototype pollution
    let node: Node = root;
    for (let i = 0; i < parts.length; i++) {
      const last = i === parts.length - 1;
      const slot = slotOf(node, parts[i]);
      if (last) {
        setSlot(node, slot, value);
        break;
      }
      let child = getSlot(node, slot);
      if (typeof child !== "object" || child === null) {
        child = /^\d+$/.test(parts[i + 1]) ? [] : {};
        setSlot(node, slot, child);
      }
      node = child as Node;
    }
  }
  return compactLists(root) as Record<string, unknown>;
}

const slotOf = (node: Node, part: string): string | number =>
  Array.isArray(node) && /^\d+$/.test(part) ? Number(part) - 1 : part;

function getSlot(node: Node, slot: string | number): unknown {
  return Array.isArray(node) ? node[slot as number] : node[slot as string];
}

function setSlot(node: Node, slot: string | number, value: unknown): void {
  if (Array.isArray(node)) {
    if (typeof slot === "number" && slot >= 0 && slot < 1000) node[slot] = value;
  } else {
    node[slot as string] = value;
  }
}

/** Drops holes left by sparse indexes (Tag.2 without Tag.1). */
function compactLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compactLists);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = compactLists(v);
    return out;
  }
  return value;
}
