// The mesh's Kubernetes API subset, served under /k8s/<meshId>: get, list and delete of
// IstioGateway custom resources (istio.alibabacloud.com/v1beta1), with bearer-token auth, in the
// JSON shapes @kubernetes/client-node expects. DELETE is asynchronous: the object lingers with
// metadata.deletionTimestamp until the "IstioGateway:delete" transition is due, then it is gone.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestLog } from "../http/requestLog";
import type { Runtime } from "../runtime";
import { settleMesh } from "../state/meshLifecycle";
import type { GatewayRecord, MeshRecord } from "../state/records";
import { sendJson } from "../http/serialize";
import { tokenMatches } from "./kubeconfig";

const GROUP = "istio.alibabacloud.com";
const VERSION = "v1beta1";
const PLURAL = "istiogateways";
const PATH = new RegExp(`^apis/${GROUP.replace(/\./g, "\\.")}/${VERSION}/(?:namespaces/([^/]+)/)?${PLURAL}(?:/([^/]+))?/?$`);

function status(res: ServerResponse, code: number, reason: string, message: string, details?: Record<string, string>): void {
  sendJson(res, code, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, details, code });
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export function gatewayObject(gw: GatewayRecord): Record<string, unknown> {
  return {
    apiVersion: `${GROUP}/${VERSION}`,
    kind: "IstioGateway",
    metadata: {
      name: gw.name, namespace: gw.namespace, uid: gw.uid, resourceVersion: String(gw.resourceVersion),
      generation: gw.generation, creationTimestamp: iso(gw.createdAt), labels: gw.labels,
      ...(gw.deletion ? { deletionTimestamp: iso(gw.deletion.since), deletionGracePeriodSeconds: 0 } : {}),
    },
    spec: gw.spec,
    status: {},
  };
}

function authorized(rt: Runtime, req: IncomingMessage, meshId: string): boolean {
  const header = req.headers.authorization ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return !!match && tokenMatches(rt.kubeToken(meshId), match[1]);
}

/** Equality-based label selectors: "a=b", "a==b", "a!=b", comma-separated (all must hold). */
export function matchesLabelSelector(labels: Record<string, string>, selector: string): boolean {
  return selector.split(",").map((s) => s.trim()).filter((s) => s).every((term) => {
    const m = /^([^=!]+?)\s*(!=|==|=)\s*(.*)$/.exec(term);
    if (!m) return Object.hasOwn(labels, term);
    const equal = labels[m[1]] === m[3];
    return m[2] === "!=" ? !equal : equal;
  });
}

/** Serves one request and records it in `log` as "<verb> istiogateways" with the status it got. */
export function handleKube(rt: Runtime, req: IncomingMessage, res: ServerResponse, path: string, rawQuery: string, log: RequestLog): void {
  const slash = path.indexOf("/");
  const meshId = decodeURIComponent(slash >= 0 ? path.slice(0, slash) : path);
  const match = PATH.exec(slash >= 0 ? path.slice(slash + 1) : "");
  const method = req.method ?? "GET";
  serveKube(rt, req, res, meshId, match, rawQuery);
  const verb = method === "GET" ? (match?.[2] === undefined ? "list" : "get") : method.toLowerCase();
  log.record({ action: `${verb} ${PLURAL}`, time: new Date(rt.clock.now()).toISOString(), status: res.statusCode, meshId });
}

function serveKube(rt: Runtime, req: IncomingMessage, res: ServerResponse, meshId: string, match: RegExpExecArray | null, rawQuery: string): void {
  if (!authorized(rt, req, meshId)) return status(res, 401, "Unauthorized", "Unauthorized");
  const stored = rt.store.mesh(meshId);
  const mesh = stored && settleMesh(rt.store, rt.rules, stored, true);
  if (!mesh || !match) {
    rt.store.flush();
    return status(res, 404, "NotFound", "the server could not find the requested resource");
  }
  const [, namespace, name] = match.map((m) => (m === undefined ? m : decodeURIComponent(m)));
  const method = req.method ?? "GET";
  if (name === undefined && method === "GET") return list(rt, res, mesh, namespace, new URLSearchParams(rawQuery).get("labelSelector") ?? "");
  if (name !== undefined && namespace !== undefined && (method === "GET" || method === "DELETE")) {
    return single(rt, res, mesh, namespace, name, method);
  }
  status(res, 405, "MethodNotAllowed", `${method} is not supported on this resource by the ASM emulator`);
}

function list(rt: Runtime, res: ServerResponse, mesh: MeshRecord, namespace: string | undefined, selector: string): void {
  const items = Object.values(mesh.gateways)
    .filter((g) => (namespace === undefined || g.namespace === namespace) && matchesLabelSelector(g.labels, selector))
    .map(gatewayObject);
  rt.store.flush();
  sendJson(res, 200, { apiVersion: `${GROUP}/${VERSION}`, kind: "IstioGatewayList", metadata: { resourceVersion: String(mesh.resourceVersion) }, items });
}

function single(rt: Runtime, res: ServerResponse, mesh: MeshRecord, namespace: string, name: string, method: string): void {
  const gw = mesh.gateways[`${namespace}/${name}`];
  if (!gw) {
    rt.store.flush();
    return status(res, 404, "NotFound", `${PLURAL}.${GROUP} "${name}" not found`, { name, group: GROUP, kind: PLURAL });
  }
  if (method === "DELETE" && !gw.deletion) {
    mesh.resourceVersion += 1;
    gw.resourceVersion = mesh.resourceVersion;
    gw.deletion = { since: rt.clock.now(), reads: 0 };
    rt.store.markDirty();
  }
  rt.store.flush();
  sendJson(res, 200, gatewayObject(gw));
}
