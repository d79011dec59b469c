// Strict parameters: every request parameter checked against the API contract taken from the official
// SDK, or kept beside it for an action the SDK lacks (../contract/): a name the action does not have, one sent in the other place (query or form body),
// or one in a form its encoding does not produce is a finding. Strict answers the first finding as an
// error; lenient, as the service most likely is (modelled.ts SERVICE_REJECTS_UNCONTRACTED_PARAMETERS),
// lets the request through. Both warn, so a client that sends what the SDK would not is seen either way.
import { loadContract, type Contract, type ContractAction, type ContractParam, type Place, type TypeNode } from "../contract/contract";
import * as E from "../errors/catalog";
import type { EmulatorError } from "../errors/catalog";
import type { RpcRequest } from "./parseRpc";

/**
 * Parameters of the RPC protocol, not of an action: what the legacy signature adds to the query
 * (authenticate.ts reads them) and what the SDK's RPC style always sends. RegionId is one only for an
 * action whose contract lacks it: where the contract has it, it is the action's and its place counts.
 */
export const PROTOCOL_PARAMETERS: ReadonlySet<string> = new Set([
  "Action", "Version", "Format", "RegionId",
  "AccessKeyId", "SecurityToken", "BearerToken",
  "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "SignatureType",
  // The reference's examples spell it TimeStamp; the SDK sends Timestamp.
  "Timestamp", "TimeStamp",
]);

export type ParamFinding =
  | { kind: "unknown"; name: string; sentIn: Place; hint: string }
  | { kind: "place"; name: string; sentIn: Place; belongs: Place }
  | { kind: "encoding"; name: string; sentIn: Place; form: string };

/** How the SDK writes a parameter, for messages: `Tag.N.Key, Tag.N.Value`, `ResourceId.N`, `Name.<key>`. */
export function wireForm(p: ContractParam): string {
  const below = (prefix: string, node: TypeNode | undefined): string => {
    if (node?.children && Object.keys(node.children).length > 0) return Object.keys(node.children).map((k) => `${prefix}.${k}`).join(", ");
    return prefix;
  };
  switch (p.encoding) {
    case "repeatList": return below(`${p.name}.N`, p.items);
    case "flatMap": return p.children && Object.keys(p.children).length > 0 ? below(p.name, p) : `${p.name}.<key>`;
    case "json": return `${p.name} (one JSON string)`;
    case "plain": return `${p.name} (one value)`;
  }
}

const INDEX = /^[1-9]\d*$/;

/** Whether the key segments below a parameter name a place in its type, down to a single value. */
function fits(node: TypeNode | undefined, segments: readonly string[]): boolean {
  if (node === undefined || node.type === "any") return true;
  const [head, ...rest] = segments;
  if (head === undefined) return node.type !== "array" && node.type !== "object" && node.type !== "map";
  switch (node.type) {
    case "array": return INDEX.test(head) && fits(node.items, rest);
    case "map": return fits(node.values, rest);
    case "object":
      // An object whose fields the SDK does not name takes any key.
      if (!node.children || Object.keys(node.children).length === 0) return true;
      return Object.prototype.hasOwnProperty.call(node.children, head) && fits(node.children[head], rest);
    default: return false;
  }
}

/**
 * The keys inside a JSON-encoded parameter that its type does not have, as dotted paths (`[]` for a list
 * item). Only names are checked: the value's types and ranges are the handler's to judge, with its own
 * messages. A value that is not JSON is left to the handler too.
 */
function unknownJsonKeys(p: ContractParam, raw: string): { name: string; allowed: string[] }[] {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  const out: { name: string; allowed: string[] }[] = [];
  const walk = (at: string, node: TypeNode | undefined, v: unknown): void => {
    if (node === undefined || node.type === "any" || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) {
      if (node.type === "array") for (const item of v) walk(`${at}[]`, node.items, item);
      return;
    }
    if (node.type === "map") {
      for (const item of Object.values(v)) walk(`${at}.<key>`, node.values, item);
      return;
    }
    // An object whose fields the SDK does not name takes any key.
    if (node.type !== "object" || !node.children || Object.keys(node.children).length === 0) return;
    for (const [key, item] of Object.entries(v)) {
      if (!Object.hasOwn(node.children, key)) out.push({ name: `${at}.${key}`, allowed: Object.keys(node.children) });
      else walk(`${at}.${key}`, node.children[key], item);
    }
  };
  walk(p.name, p, value);
  return out;
}

/** A parameter of the action spelt differently (case, or up to two letters off), for "did you mean". */
function closest(name: string, params: readonly ContractParam[]): string | undefined {
  const lower = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const p of params) {
    const d = p.name.toLowerCase() === lower ? 0 : editDistance(lower, p.name.toLowerCase());
    if (d <= 2 && (best === undefined || d < best.distance)) best = { name: p.name, distance: d };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

// Built once per action: the check runs on every request (bench/emulatorBench.ts measures the pipeline).
const paramsByName = new WeakMap<ContractAction, Map<string, ContractParam>>();

/** Every parameter of one request that the action's contract does not allow where and as it was sent. */
export function findParamProblems(contract: ContractAction, query: readonly [string, string][], body: readonly [string, string][]): ParamFinding[] {
  let byName = paramsByName.get(contract);
  if (!byName) {
    byName = new Map(contract.params.map((p) => [p.name, p]));
    paramsByName.set(contract, byName);
  }
  const findings: ParamFinding[] = [];
  const seen = new Set<string>();
  const look = (key: string, sentIn: Place) => {
    // A repeated key (Name.1 twice, or the same name in both places) is one finding per place.
    if (key === "" || seen.has(`${sentIn} ${key}`)) return;
    seen.add(`${sentIn} ${key}`);
    const dot = key.indexOf(".");
    const base = dot < 0 ? key : key.slice(0, dot);
    const p = byName.get(base);
    if (!p) {
      if (dot < 0 && PROTOCOL_PARAMETERS.has(key)) return;
      const near = closest(base, contract.params);
      findings.push({ kind: "unknown", name: key, sentIn, hint: near ? ` Did you mean "${near}"?` : "" });
      return;
    }
    const segments = dot < 0 ? [] : key.slice(dot + 1).split(".");
    const structured = p.encoding === "repeatList" || p.encoding === "flatMap";
    if (!structured && segments.length > 0) {
      findings.push({ kind: "encoding", name: key, sentIn, form: `send ${wireForm(p)}.` });
      return;
    }
    if (structured && !fits(p, segments)) {
      findings.push(segments.length === 0
        ? { kind: "encoding", name: key, sentIn, form: `send it as ${wireForm(p)}.` }
        : { kind: "unknown", name: key, sentIn, hint: ` ${p.name} is sent as ${wireForm(p)}.` });
      return;
    }
    if (sentIn !== p.place) findings.push({ kind: "place", name: key, sentIn, belongs: p.place });
  };
  const lookInside = (key: string, raw: string, sentIn: Place) => {
    const p = byName.get(key);
    if (p?.encoding !== "json") return;
    for (const { name, allowed } of unknownJsonKeys(p, raw)) {
      const inner = name.slice(p.name.length + 1, name.lastIndexOf("."));
      const where = inner === "" ? "" : ` at ${inner}`;
      findings.push({ kind: "unknown", name, sentIn, hint: ` The JSON in ${p.name} has${where} the fields ${allowed.join(", ")}.` });
    }
  };
  for (const [k, v] of query) {
    look(k, "query");
    lookInside(k, v, "query");
  }
  for (const [k, v] of body) {
    look(k, "body");
    lookInside(k, v, "body");
  }
  return findings;
}

export function findingError(action: string, f: ParamFinding): EmulatorError {
  switch (f.kind) {
    case "unknown": return E.unknownParameter(action, f.name, f.hint);
    case "place": return E.misplacedParameter(action, f.name, f.belongs, f.sentIn);
    case "encoding": return E.misencodedParameter(action, f.name, f.form);
  }
}

let shipped: Contract | undefined;

export interface ParamCheckOptions {
  strict: boolean;
  warn: (message: string) => void;
  /** Default: the contract shipped in emulator/contract/. */
  contract?: Contract;
}

export class ParamChecker {
  readonly strict: boolean;
  private readonly contract: Contract;
  private readonly warn: (message: string) => void;
  private readonly uncovered = new Set<string>();

  constructor(opts: ParamCheckOptions) {
    this.strict = opts.strict;
    this.warn = opts.warn;
    // Read once per process: every emulator a test run starts shares the same files.
    this.contract = opts.contract ?? (shipped ??= loadContract());
  }

  /** Warns about what the contract does not allow; in strict mode throws the first finding as the answer. */
  check(action: string, req: RpcRequest): void {
    const contract = this.contract.actions.get(action);
    if (!contract) {
      // An action the emulator serves but the SDK lacks has no contract to hold it to: it keeps working.
      if (!this.uncovered.has(action)) {
        this.uncovered.add(action);
        this.warn(`${action} is not in the API contract (neither the SDK nor emulator/contract/outsideSdk/ has it); its parameters are not checked.`);
      }
      return;
    }
    const findings = findParamProblems(contract, req.query, req.body);
    if (findings.length === 0) return;
    const errors = findings.map((f) => findingError(action, f));
    this.warn(`${action}: ${errors.map((e) => e.message).join(" ")}${this.strict ? "" : " (accepted: strict parameters are off)"}`);
    if (this.strict) throw errors[0];
  }
}
