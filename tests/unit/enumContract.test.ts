// Enumerations and defaults against the API contract (issue 15 item 4): every provider field that has a
// wire name, and every value list the emulator checks, compared with the values and the default the
// official SDK documents for the same parameter (emulator/contract/, `documentedValues`,
// `documentedDefault`) on each action that sends it. Sets must be equal. What differs today is listed in
// KNOWN_DIFFERENCES with its reason, so this passes now, fails on a new difference, and fails when a
// listed one goes (then the row goes too), as apiContract.test.ts does for types and places.
import { loadContract, type ContractAction, type TypeNode } from "../../emulator/contract/contract";
import { MATCH_MODES, readRouteStatus, ROUTE_TYPES } from "../../emulator/operations/gatewayRouteBody";
import { GATEWAY_TYPES, PORT_PROTOCOLS, SERVICE_TYPES } from "../../emulator/operations/istioGatewayBody";
import { CREATE_ONLY_OPTIONS, FEATURE_OPTIONS, readOptions, UPDATE_ONLY_OPTIONS } from "../../emulator/operations/meshOptions";
import { Params } from "../../emulator/operations/params";
import { CLUSTER_SPECS, EDITIONS } from "../../emulator/operations/versions";
import { asmGatewayFields } from "../../provider/resources/asmGateway/description";
import { clusterAttachmentFields } from "../../provider/resources/clusterAttachment/description";
import { gatewayRouteFields } from "../../provider/resources/gatewayRoute/description";
import { gatewaySecretFields } from "../../provider/resources/gatewaySecret/description";
import { serviceMeshFields } from "../../provider/resources/serviceMesh/description";
import { isSent, MESH_PARAMS, type SentMeshParam } from "../../provider/resources/serviceMesh/params";
import type { Field, FieldSpecs } from "../../provider/schema";

type Kind = "values" | "notEnum" | "undocumented" | "default";

interface Difference {
  who: "provider" | "emulator";
  /** The provider's kind and input path, or the emulator's file and list. */
  subject: string;
  action: string;
  /** The wire path, `[]` marking a list's items. */
  param: string;
  kind: Kind;
  detail: string;
}

interface KnownDifference extends Difference {
  reason: string;
}

const provider = (subject: string, action: string, param: string, kind: Kind, detail: string, reason: string): KnownDifference =>
  ({ who: "provider", subject, action, param, kind, detail, reason });
const emulator = (subject: string, action: string, param: string, kind: Kind, detail: string, reason: string): KnownDifference =>
  ({ who: "emulator", subject, action, param, kind, detail, reason });
const both = <T>(actions: readonly string[], row: (action: string) => T): T[] => actions.map(row);

const ROUTE_WRITES = ["CreateIstioGatewayRoutes", "UpdateIstioGatewayRoutes"] as const;
const GATEWAY_WRITES = ["CreateASMGateway", "UpdateASMGateway"] as const;
const MESH_WRITES = ["CreateServiceMesh", "UpdateMeshFeature"] as const;
const BODY_UNMODELLED = "the SDK types Body (the IstioGateway object) as one string, so the contract documents nothing inside it";

/**
 * What differs today, on the SDK commit in emulator/contract/SOURCE.md, each with why. "undocumented":
 * the field is an enumeration but the SDK's comment lists no values for it; "notEnum": the SDK lists
 * values but the field takes any value of its type.
 */
const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  provider("ServiceMesh.edition", "CreateServiceMesh", "Edition", "undocumented", "provider Default, Pro",
    "the SDK comment names no values; Default and Pro are the editions the API reference and DescribeServiceMeshDetail's Profile use"),
  provider("ServiceMesh.clusterSpec", "UpdateMeshFeature", "ClusterSpec", "undocumented", "provider enterprise, standard, ultimate",
    "the SDK comment on UpdateMeshFeature's ClusterSpec is a copied OPA one (true/false, example standard), so the extractor records nothing; CreateServiceMesh documents the same three values"),
  provider("ServiceMesh.opa.logLevel", "CreateServiceMesh", "OPALogLevel", "undocumented", "provider debug, error, info",
    "CreateServiceMesh's comment lists no values; UpdateMeshFeature's lists the same three"),
  ...both(MESH_WRITES, (a) => provider("ServiceMesh.accessLog.file", a, "AccessLogFile", "notEnum", 'provider any string; documented "", /dev/stdout',
    "deliberate so far: Envoy takes any file path and the description names both documented values; making it an enum would refuse paths programs may set (reported, not changed)")),
  provider("ServiceMesh.multiBuffer.pollDelay", "CreateServiceMesh", "MultiBufferPollDelay", "default", "provider 30s, documented 30",
    'the same duration: the SDK writes "Default value: 30. Unit: seconds." and the value is sent as a duration such as 30s'),
  provider("ServiceMesh.audit.project", "UpdateMeshFeature", "AuditProject", "default", "provider mesh-log-{meshId}, documented mesh-log-{ASM instance ID}",
    "the same default; only the placeholder for the mesh id is worded differently"),
  ...both(ROUTE_WRITES, (a) => provider("GatewayRoute.status", a, "Status", "values", "provider 0, 1; documented 0, 1, 2",
    "deliberate: 2 is the state the service reports when creating or updating the route failed, not one a program sets")),
  ...both(GATEWAY_WRITES, (a) => provider("ASMGateway.gatewayType", a, "Body.spec.gatewayType", "undocumented", "provider egress, ingress", BODY_UNMODELLED)),
  ...both(GATEWAY_WRITES, (a) => provider("ASMGateway.serviceType", a, "Body.spec.serviceType", "undocumented", "provider ClusterIP, LoadBalancer, NodePort", BODY_UNMODELLED)),
  ...both(GATEWAY_WRITES, (a) => provider("ASMGateway.ports[].protocol", a, "Body.spec.ports[].protocol", "undocumented", "provider GRPC, HTTP, HTTP2, HTTPS, TCP, TLS, UDP", BODY_UNMODELLED)),

  emulator("versions.ts EDITIONS", "CreateServiceMesh", "Edition", "undocumented", "emulator Default, Pro", "as for the provider's edition: the SDK comment names no values"),
  emulator("versions.ts CLUSTER_SPECS", "UpdateMeshFeature", "ClusterSpec", "undocumented", "emulator enterprise, standard, ultimate", "as for the provider's clusterSpec: UpdateMeshFeature's comment is a copied one"),
  emulator("meshOptions.ts", "CreateServiceMesh", "OPALogLevel", "undocumented", "emulator debug, error, info", "as for the provider's opa.logLevel"),
  emulator("meshOptions.ts", "UpdateMeshFeature", "InterceptionMode", "undocumented", "emulator REDIRECT, TPROXY",
    "InterceptionMode's comment lists no values (its REDIRECT/TPROXY list sits, copied, on ProxyStatsMatcher, whose example is JSON, so it is not recorded); the emulator keeps Istio's two modes"),
  ...both(MESH_WRITES, (a) => emulator("no list", a, "AccessLogFile", "notEnum", 'documented "", /dev/stdout', "meshOptions.ts stores the path as sent, as the provider sends any path")),
  emulator("gatewayRouteBody.ts readRouteStatus", "UpdateIstioRouteAdditionalStatus", "Status", "undocumented", "emulator 0, 1, 2",
    "this action's comment gives 0, 1 and 2 inline in prose (\"Valid values: 0: ... 1: ...\"), a form the extractor does not read; the routes actions list the same three"),
  ...both(GATEWAY_WRITES, (a) => emulator("istioGatewayBody.ts GATEWAY_TYPES", a, "Body.spec.gatewayType", "undocumented", "emulator egress, ingress", BODY_UNMODELLED)),
  ...both(GATEWAY_WRITES, (a) => emulator("istioGatewayBody.ts SERVICE_TYPES", a, "Body.spec.serviceType", "undocumented", "emulator ClusterIP, LoadBalancer, NodePort", BODY_UNMODELLED)),
  ...both(GATEWAY_WRITES, (a) => emulator("istioGatewayBody.ts PORT_PROTOCOLS", a, "Body.spec.ports[].protocol", "undocumented", "emulator GRPC, HTTP, HTTP2, HTTPS, TCP, TLS, UDP", BODY_UNMODELLED)),
];

// ---------------------------------------------------------------------------------------------
// The contract side: a wire path's node, or the string parameter that holds it unmodelled.

const contract = loadContract();

type Resolved = { node: TypeNode } | { opaque: string } | undefined;

function resolve(action: ContractAction, wirePath: string): Resolved {
  const [first, ...rest] = wirePath.split(".");
  const step = (node: TypeNode | undefined, list: boolean): TypeNode | undefined => (list ? node?.items : node);
  let node = step(action.params.find((p) => p.name === first.replace(/\[\]$/, "")), first.endsWith("[]"));
  for (const segment of rest) {
    if (!node) return undefined;
    // A string parameter carrying a structure (a JSON or YAML body): the SDK says nothing about inside it.
    if (node.type === "string" || node.type === "any") return { opaque: first };
    node = step(node.children?.[segment.replace(/\[\]$/, "")], segment.endsWith("[]"));
  }
  return node && { node };
}

/** Every node below an action's parameters that documents values, by wire path. */
function documentedNodes(action: ContractAction): { param: string; values: string[] }[] {
  const out: { param: string; values: string[] }[] = [];
  const visit = (at: string, node: TypeNode): void => {
    if (node.documentedValues) out.push({ param: at, values: node.documentedValues });
    for (const [name, child] of Object.entries(node.children ?? {})) visit(`${at}.${name}`, child);
    if (node.items) visit(`${at}[]`, node.items);
  };
  for (const p of action.params) visit(p.name, p);
  return out;
}

const actionOf = (name: string): ContractAction => {
  const a = contract.actions.get(name);
  if (!a) throw new Error(`${name} is not in the contract`);
  return a;
};

const sorted = (values: readonly string[]): string[] => [...values].sort();
const sameSet = (a: readonly string[], b: readonly string[]): boolean => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
const listText = (values: readonly string[]): string => sorted(values).map((v) => (v === "" ? '""' : v)).join(", ");

// ---------------------------------------------------------------------------------------------
// The provider side: each field with a wire path, composed as the schema engine writes it
// (provider/schema/wire.ts: relative to the enclosing wired group or list item).

interface WiredField {
  /** The input path, `[]` marking a list's items. */
  input: string;
  field: Field;
  wire: string;
}

function wiredFields(specs: FieldSpecs, input = "", base = "", wired = false): WiredField[] {
  const join = (a: string, b: string) => (a === "" ? b : `${a}.${b}`);
  return Object.entries(specs).flatMap(([name, field]): WiredField[] => {
    const at = join(input, name);
    const own = field.wire ?? (wired ? name : undefined);
    if (field.kind === "object") return own === undefined ? wiredFields(field.fields, at, base, false) : wiredFields(field.fields, at, join(base, own), true);
    if (own === undefined) return [];
    if (field.kind === "list" && field.item.kind === "object") return wiredFields(field.item.fields, `${at}[]`, `${join(base, own)}[]`, true);
    if (field.kind === "list") return [{ input: `${at}[]`, field: field.item, wire: `${join(base, own)}[]` }];
    return [{ input: at, field, wire: join(base, own) }];
  });
}

interface Sent extends WiredField {
  subject: string;
  action: string;
}

/** Each kind's wired fields, and the actions whose contract holds them. */
const KINDS: readonly { kind: string; fields: FieldSpecs; actions: readonly string[]; under?: string }[] = [
  // ServiceMesh's update calls take only some rows; they are added from the rows' modes (meshUpdates).
  { kind: "ServiceMesh", fields: serviceMeshFields, actions: ["CreateServiceMesh"] },
  { kind: "GatewayRoute", fields: gatewayRouteFields, actions: [...ROUTE_WRITES, "UpdateIstioRouteAdditionalStatus"] },
  // The gateway's wire paths are inside the IstioGateway object, which travels as Body.
  { kind: "ASMGateway", fields: asmGatewayFields, actions: GATEWAY_WRITES, under: "Body" },
  { kind: "GatewaySecret", fields: gatewaySecretFields, actions: ["CreateGatewaySecret"] },
  { kind: "ClusterAttachment", fields: clusterAttachmentFields, actions: ["AddClusterIntoServiceMesh"] },
];

function meshUpdates(): Sent[] {
  // Widened to the row type, whose updateWire only the control-plane-log rows carry.
  const rows: readonly SentMeshParam[] = MESH_PARAMS.filter(isSent);
  return rows.flatMap((p): Sent[] => {
    const subject = `ServiceMesh.${p.path}`;
    if (p.mode === "feature") return [{ subject, input: p.path, field: p.field, wire: p.field.wire, action: "UpdateMeshFeature" }];
    if (p.mode === "controlPlaneLog") return [{ subject, input: p.path, field: p.field, wire: p.updateWire ?? p.field.wire, action: "UpdateControlPlaneLogConfig" }];
    return [];
  });
}

/** Every (field, action) pair the provider sends, with the field found in that action's contract. */
function providerSends(): { sent: ResolvedSend[]; unresolved: string[] } {
  const sent: ResolvedSend[] = [];
  const unresolved: string[] = [];
  const add = (s: Sent, resolved: Resolved) => (resolved ? sent.push({ ...s, resolved }) : undefined);
  for (const k of KINDS) {
    for (const w of wiredFields(k.fields)) {
      const wire = k.under ? `${k.under}.${w.wire}` : w.wire;
      const found = k.actions.map((action) => {
        const resolved = resolve(actionOf(action), wire);
        add({ ...w, wire, subject: `${k.kind}.${w.input}`, action }, resolved);
        return resolved;
      });
      if (found.every((r) => r === undefined)) unresolved.push(`${k.kind}.${w.input} (${wire})`);
    }
  }
  for (const s of meshUpdates()) {
    const resolved = resolve(actionOf(s.action), s.wire);
    if (resolved) add(s, resolved);
    else unresolved.push(`${s.subject} (${s.action} ${s.wire})`);
  }
  return { sent, unresolved };
}

/** The values a field allows, where it enumerates them: an enum, or a short integer range the SDK lists. */
function allowedValues(field: Field, documented: readonly string[] | undefined): string[] | undefined {
  if (field.kind === "enum") return [...field.values];
  if (field.kind === "int" && documented && field.min !== undefined && field.max !== undefined && field.max - field.min <= 100) {
    return Array.from({ length: field.max - field.min + 1 }, (_, i) => String(field.min as number + i));
  }
  return undefined;
}

/** The field's default: declared, or stated in its description ("(default false)", "the API uses 301 when unset"). */
function statedDefault(field: Field): string | undefined {
  if ("default" in field && field.default !== undefined) return String(field.default);
  const d = field.description ?? "";
  const m = /\(default ([^)]+)\)/.exec(d) ?? /the API's default is ([^\s.;,]+)/.exec(d) ?? /the API uses (\S+) when unset/.exec(d);
  return m?.[1];
}

type ResolvedSend = Sent & { resolved: NonNullable<Resolved> };

function providerDifferences(sends: readonly ResolvedSend[] = providerSends().sent): Difference[] {
  const out: Difference[] = [];
  for (const s of sends) {
    const say = (kind: Kind, detail: string) => out.push({ who: "provider", subject: s.subject, action: s.action, param: s.wire, kind, detail });
    if ("opaque" in s.resolved) {
      if (s.field.kind === "enum") say("undocumented", `provider ${listText(s.field.values)}`);
      continue;
    }
    const { documentedValues: documented, documentedDefault } = s.resolved.node;
    const allowed = allowedValues(s.field, documented);
    if (documented && allowed && !sameSet(documented, allowed)) say("values", `provider ${listText(allowed)}; documented ${listText(documented)}`);
    if (documented && !allowed) say("notEnum", `provider any ${s.field.kind}; documented ${listText(documented)}`);
    if (!documented && s.field.kind === "enum") say("undocumented", `provider ${listText(s.field.values)}`);
    const stated = statedDefault(s.field);
    if (stated !== undefined && documentedDefault !== undefined && stated !== documentedDefault) say("default", `provider ${stated}, documented ${documentedDefault}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The emulator side: the value lists its handlers check, per action and wire path.

const BOGUS = "not-a-documented-value";

/**
 * The values a string reader accepts, read back from its refusal of a bogus value ("is not one of a, b."
 * is how Params.oneOf names them); undefined when it takes the bogus value or refuses it otherwise.
 * meshOptions.ts keeps its table private, so its enumerations are found this way.
 */
function listInRefusal(read: (value: string) => void): string[] | undefined {
  try {
    read(BOGUS);
    return undefined;
  } catch (e) {
    const m = /is not one of (.*)\.$/.exec(e instanceof Error ? e.message : "");
    return m ? m[1].split(", ") : undefined;
  }
}

const accepts = (read: (value: string) => void, value: string): boolean => {
  try {
    read(value);
    return true;
  } catch {
    return false;
  }
};

interface EmulatorList {
  subject: string;
  action: string;
  param: string;
  values: readonly string[];
  /** Reads one value as the handler does, throwing on a refusal; for the lists found by probing. */
  read?: (value: string) => void;
}

/** serviceMesh.ts: which option tables each action reads (readOptions). */
const OPTION_TABLES = {
  CreateServiceMesh: [FEATURE_OPTIONS, CREATE_ONLY_OPTIONS],
  UpdateMeshFeature: [FEATURE_OPTIONS, UPDATE_ONLY_OPTIONS],
} as const;

function emulatorLists(): EmulatorList[] {
  const lists: EmulatorList[] = [
    { subject: "versions.ts EDITIONS", action: "CreateServiceMesh", param: "Edition", values: EDITIONS },
    ...MESH_WRITES.map((action) => ({ subject: "versions.ts CLUSTER_SPECS", action, param: "ClusterSpec", values: CLUSTER_SPECS })),
    ...ROUTE_WRITES.flatMap((action) => [
      { subject: "gatewayRouteBody.ts ROUTE_TYPES", action, param: "GatewayRoute.RouteType", values: ROUTE_TYPES },
      { subject: "gatewayRouteBody.ts MATCH_MODES", action, param: "GatewayRoute.MatchRequest.URI.MatchingMode", values: MATCH_MODES },
      { subject: "gatewayRouteBody.ts MATCH_MODES", action, param: "GatewayRoute.MatchRequest.Headers[].MatchingMode", values: MATCH_MODES },
    ]),
    ...GATEWAY_WRITES.flatMap((action) => [
      { subject: "istioGatewayBody.ts GATEWAY_TYPES", action, param: "Body.spec.gatewayType", values: GATEWAY_TYPES },
      { subject: "istioGatewayBody.ts SERVICE_TYPES", action, param: "Body.spec.serviceType", values: SERVICE_TYPES },
      { subject: "istioGatewayBody.ts PORT_PROTOCOLS", action, param: "Body.spec.ports[].protocol", values: PORT_PROTOCOLS },
    ]),
  ];
  for (const [action, tables] of Object.entries(OPTION_TABLES)) {
    for (const name of new Set(tables.flatMap((t) => Object.keys(t)))) {
      const read = (value: string) => readOptions(new Params({ [name]: value }), [...tables]);
      const values = listInRefusal(read);
      if (values) lists.push({ subject: "meshOptions.ts", action, param: name, values, read });
    }
  }
  // readRouteStatus reads Status as an integer in a range: the range's members are its values.
  const readStatus = (value: string) => readRouteStatus(new Params({ Status: value }));
  const statuses = Array.from({ length: 12 }, (_, i) => String(i - 1)).filter((v) => accepts(readStatus, v));
  for (const action of [...ROUTE_WRITES, "UpdateIstioRouteAdditionalStatus"]) {
    lists.push({ subject: "gatewayRouteBody.ts readRouteStatus", action, param: "Status", values: statuses, read: readStatus });
  }
  return lists;
}

function emulatorDifferences(): Difference[] {
  const out: Difference[] = [];
  const lists = emulatorLists();
  for (const l of lists) {
    const say = (kind: Kind, detail: string) => out.push({ who: "emulator", subject: l.subject, action: l.action, param: l.param, kind, detail });
    const resolved = resolve(actionOf(l.action), l.param);
    if (!resolved) throw new Error(`${l.subject}: ${l.action} has no ${l.param} in the contract`);
    const documented = "node" in resolved ? resolved.node.documentedValues : undefined;
    if (!documented) say("undocumented", `emulator ${listText(l.values)}`);
    else if (!sameSet(documented, l.values)) say("values", `emulator ${listText(l.values)}; documented ${listText(documented)}`);
  }
  // The other way: a documented list on an action the emulator serves that no emulator list checks.
  for (const [name, entry] of Object.entries(contract.index.actions)) {
    if (!entry.usedBy.includes("emulator") || !entry.inSdk) continue;
    for (const d of documentedNodes(actionOf(name))) {
      if (lists.some((l) => l.action === name && l.param === d.param)) continue;
      out.push({ who: "emulator", subject: "no list", action: name, param: d.param, kind: "notEnum", detail: `documented ${listText(d.values)}` });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

const line = (d: Difference) => `${d.who} ${d.subject} → ${d.action} ${d.param} [${d.kind}] ${d.detail}`;

function compareWithKnown(found: Difference[], who: Difference["who"]): { appeared: string[]; gone: string[] } {
  const known = new Set(KNOWN_DIFFERENCES.filter((d) => d.who === who).map(line));
  const now = new Set(found.map(line));
  return { appeared: [...now].filter((l) => !known.has(l)).sort(), gone: [...known].filter((l) => !now.has(l)).sort() };
}

describe("documented values and defaults in the contract", () => {
  it("hold the SDK's lists for the parameters the provider and the emulator enumerate", () => {
    const values = (action: string, param: string) => {
      const r = resolve(actionOf(action), param);
      return r && "node" in r ? r.node.documentedValues : undefined;
    };
    expect(values("CreateServiceMesh", "ClusterSpec")).toEqual(["standard", "enterprise", "ultimate"]);
    expect(values("CreateServiceMesh", "ChargeType")).toEqual(["PayOnDemand", "PrePay"]);
    expect(values("UpdateMeshFeature", "OutboundTrafficPolicy")).toEqual(["ALLOW_ANY", "REGISTRY_ONLY"]);
    expect(values("CreateIstioGatewayRoutes", "GatewayRoute.MatchRequest.Headers[].MatchingMode")).toEqual(["exact", "prefix", "regex"]);
    // A boolean's true/false list is left out; its default is kept.
    const tracing = resolve(actionOf("CreateServiceMesh"), "Tracing");
    expect(tracing && "node" in tracing && [tracing.node.documentedValues, tracing.node.documentedDefault]).toEqual([undefined, "false"]);
  });

  it("resolve a path inside a string parameter as unmodelled, and a missing one as nothing", () => {
    expect(resolve(actionOf("CreateASMGateway"), "Body.spec.gatewayType")).toEqual({ opaque: "Body" });
    expect(resolve(actionOf("CreateIstioGatewayRoutes"), "GatewayRoute.NoSuchField")).toBeUndefined();
  });
});

describe("the provider's and the emulator's enumerations against the contract", () => {
  it("compose wire paths as the schema engine writes them, through groups, wired objects and list items", () => {
    const wires = new Map(wiredFields(gatewayRouteFields).map((w) => [w.input, w.wire]));
    expect(wires.get("match.headers[].mode")).toBe("GatewayRoute.MatchRequest.Headers[].MatchingMode");
    expect(wires.get("mirror.host")).toBe("GatewayRoute.HTTPAdvancedOptions.Mirror.Host");
    expect(wires.get("status")).toBe("Status");
    expect(new Map(wiredFields(asmGatewayFields).map((w) => [w.input, w.wire])).get("ports[].protocol")).toBe("spec.ports[].protocol");
    expect(new Map(wiredFields(serviceMeshFields).map((w) => [w.input, w.wire])).get("billing.chargeType")).toBe("ChargeType");
  });

  it("find every wired provider field in the contract of an action that sends it", () => {
    expect(providerSends().unresolved).toEqual([]);
  });

  it("read the emulator's option enumerations back from its refusals, and it accepts each value it names", () => {
    const lists = emulatorLists().filter((l) => l.read);
    expect(lists.find((l) => l.action === "UpdateMeshFeature" && l.param === "OutboundTrafficPolicy")?.values).toEqual(["ALLOW_ANY", "REGISTRY_ONLY"]);
    expect(lists.find((l) => l.param === "Status")?.values).toEqual(["0", "1", "2"]);
    for (const l of lists) for (const v of l.values) expect([l.action, l.param, v, accepts(l.read as (value: string) => void, v)]).toEqual([l.action, l.param, v, true]);
  });

  it("find a different set, a field the SDK enumerates but the provider does not, an enum it does not document, and a different default", () => {
    const send = (input: string, field: Field, node: Partial<TypeNode> | "opaque"): ResolvedSend =>
      ({ subject: `K.${input}`, action: "Act", input, field, wire: input, resolved: node === "opaque" ? { opaque: "Body" } : { node: { type: "string", ...node } } });
    const found = providerDifferences([
      send("same", { kind: "enum", values: ["b", "a"] }, { documentedValues: ["a", "b"] }),
      send("fewer", { kind: "enum", values: ["a"] }, { documentedValues: ["a", "b"] }),
      send("range", { kind: "int", min: 0, max: 1 }, { type: "number", documentedValues: ["0", "1", "2"] }),
      send("free", { kind: "string" }, { documentedValues: ["a"] }),
      send("unlisted", { kind: "enum", values: ["x"] }, {}),
      send("inBody", { kind: "enum", values: ["x"] }, "opaque"),
      send("declared", { kind: "bool", default: true }, { type: "boolean", documentedDefault: "false" }),
      send("described", { kind: "int", description: "The code; the API uses 301 when unset." }, { type: "number", documentedDefault: "302" }),
      send("agrees", { kind: "bool", description: "Whether to (default false)." }, { type: "boolean", documentedDefault: "false" }),
    ]);
    expect(found.map(line)).toEqual([
      "provider K.fewer → Act fewer [values] provider a; documented a, b",
      "provider K.range → Act range [values] provider 0, 1; documented 0, 1, 2",
      "provider K.free → Act free [notEnum] provider any string; documented a",
      "provider K.unlisted → Act unlisted [undocumented] provider x",
      "provider K.inBody → Act inBody [undocumented] provider x",
      "provider K.declared → Act declared [default] provider true, documented false",
      "provider K.described → Act described [default] provider 301, documented 302",
    ]);
  });

  it("differ from the documented values and defaults in exactly the known ways (provider)", () => {
    // Two lists, so a failure says which way the table is out of date.
    expect(compareWithKnown(providerDifferences(), "provider")).toEqual({ appeared: [], gone: [] });
  });

  it("differ from the documented values in exactly the known ways (emulator)", () => {
    expect(compareWithKnown(emulatorDifferences(), "emulator")).toEqual({ appeared: [], gone: [] });
  });

  it("give every known difference a reason", () => {
    for (const d of KNOWN_DIFFERENCES) expect([line(d), d.reason.length > 20]).toEqual([line(d), true]);
  });
});
