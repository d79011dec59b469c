// Parses and validates the Body of CreateASMGateway / UpdateASMGateway: an IstioGateway custom
// resource (research/asm-api.md §3.1) in JSON or YAML. Errors name the field path and what is
// allowed, e.g. `Body.spec.ports[1].port`.
import { parse } from "yaml";
import * as E from "../errors/catalog";
import { DEFAULT_GATEWAY_NAMESPACE } from "../modelled";

export const ISTIO_GATEWAY_API_VERSION = "istio.alibabacloud.com/v1beta1";
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
// Exported for tests/unit/enumContract.test.ts, which lists them beside the (undocumented) Body.
export const PORT_PROTOCOLS = ["TCP", "UDP", "HTTP", "HTTPS", "HTTP2", "GRPC", "TLS"];
export const GATEWAY_TYPES = ["ingress", "egress"];
export const SERVICE_TYPES = ["LoadBalancer", "NodePort", "ClusterIP"];

export interface IstioGatewayBody {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  spec: Record<string, unknown>;
}

const bad = (path: string, problem: string) => E.invalidParameter(`Body.${path}`, problem);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function parseText(text: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw E.invalidParameter("Body", `not valid JSON or YAML (${(e as Error).message.split("\n")[0]}).`);
  }
  if (!isObject(doc)) throw E.invalidParameter("Body", "expected an IstioGateway object, got a scalar or a list.");
  return doc;
}

function checkInt(path: string, v: unknown, min: number, max: number): void {
  if (v !== undefined && !(Number.isInteger(v) && (v as number) >= min && (v as number) <= max)) {
    throw bad(path, `expected an integer from ${min} to ${max}, got ${JSON.stringify(v)}.`);
  }
}

function checkEnum(path: string, v: unknown, allowed: string[]): void {
  if (v !== undefined && !allowed.includes(v as string)) throw bad(path, `expected one of ${allowed.join(", ")}, got ${JSON.stringify(v)}.`);
}

function checkPorts(ports: unknown): void {
  if (ports === undefined) return;
  if (!Array.isArray(ports)) throw bad("spec.ports", "expected a list of {name, port, targetPort, protocol}.");
  const seen = new Set<number>();
  ports.forEach((port: unknown, i) => {
    const path = `spec.ports[${i}]`;
    if (!isObject(port)) throw bad(path, "expected an object {name, port, targetPort, protocol}.");
    if (typeof port.name !== "string" || port.name === "") throw bad(`${path}.name`, "a non-empty string is required.");
    checkInt(`${path}.port`, port.port ?? null, 1, 65535);
    checkInt(`${path}.targetPort`, port.targetPort, 1, 65535);
    checkEnum(`${path}.protocol`, port.protocol, PORT_PROTOCOLS);
    if (seen.has(port.port as number)) throw bad(`${path}.port`, `port ${String(port.port)} is declared twice.`);
    seen.add(port.port as number);
  });
}

function checkSpec(spec: unknown, attached: readonly string[]): Record<string, unknown> {
  if (!isObject(spec)) throw E.invalidParameter("Body.spec", "an object is required.");
  const ids = spec.clusterIds;
  if (!Array.isArray(ids) || ids.length === 0) throw bad("spec.clusterIds", "a non-empty list of data-plane cluster ids is required.");
  ids.forEach((id: unknown, i) => {
    if (typeof id !== "string" || !attached.includes(id)) {
      throw bad(`spec.clusterIds[${i}]`, `${JSON.stringify(id)} is not a cluster of this mesh (attached: ${attached.join(", ") || "none"}).`);
    }
  });
  checkEnum("spec.gatewayType", spec.gatewayType, GATEWAY_TYPES);
  checkEnum("spec.serviceType", spec.serviceType, SERVICE_TYPES);
  for (const key of ["replicaCount", "minReplicas", "maxReplicas"]) checkInt(`spec.${key}`, spec[key], 0, 1000);
  if (typeof spec.minReplicas === "number" && typeof spec.maxReplicas === "number" && spec.minReplicas > spec.maxReplicas) {
    throw bad("spec.minReplicas", `must not exceed maxReplicas (${spec.maxReplicas}).`);
  }
  if (spec.serviceAnnotations !== undefined && !isObject(spec.serviceAnnotations)) throw bad("spec.serviceAnnotations", "expected a map of strings.");
  checkPorts(spec.ports);
  return spec;
}

/** `nameParam` is IstioGatewayName; `attached` the mesh's data-plane clusters. */
export function parseIstioGatewayBody(text: string, nameParam: string | undefined, attached: readonly string[]): IstioGatewayBody {
  const doc = parseText(text);
  if (doc.apiVersion !== ISTIO_GATEWAY_API_VERSION) throw bad("apiVersion", `expected "${ISTIO_GATEWAY_API_VERSION}", got ${JSON.stringify(doc.apiVersion)}.`);
  if (doc.kind !== "IstioGateway") throw bad("kind", `expected "IstioGateway", got ${JSON.stringify(doc.kind)}.`);
  const meta = isObject(doc.metadata) ? doc.metadata : {};
  const metaName = typeof meta.name === "string" ? meta.name : undefined;
  if (nameParam && metaName && metaName !== nameParam) throw bad("metadata.name", `"${metaName}" differs from IstioGatewayName "${nameParam}".`);
  const name = nameParam ?? metaName;
  if (!name) throw E.missingParameter("IstioGatewayName");
  if (!DNS_LABEL.test(name)) throw E.invalidParameter("IstioGatewayName", `"${name}" must be a DNS label (lowercase letters, digits, '-', at most 63 characters).`);
  const namespace = typeof meta.namespace === "string" && meta.namespace !== "" ? meta.namespace : DEFAULT_GATEWAY_NAMESPACE;
  if (!DNS_LABEL.test(namespace)) throw bad("metadata.namespace", `"${namespace}" must be a DNS label.`);
  const labels = isObject(meta.labels) ? (meta.labels as Record<string, string>) : {};
  return { name, namespace, labels, spec: checkSpec(doc.spec, attached) };
}
