// The mesh's Kubernetes API subset, served under /k8s/<meshId>: get, list and delete of
// IstioGateway custom resources (istio.alibabacloud.com/v1beta1), with bearer-token auth, in the
// JSON shapes @kubernetes/client-node expects. DELETE is asynchronous: the object lingers with
// metadata.deletionTimestamp until the "IstioGateway:delete" transition is due, then it is gone.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestLog } from "../http/requestLog";
import type { Runtime } from "../runtime";
import { settleMesh } from "../state/meshLifecycle";
import type { GatewayView, MeshView } from "../state/records";
import { planFaults, sleep, type AnswerEffect } from "../faults/faultPlan";
import { sendJson } from "../http/serialize";
import { tokenMatches } from "./kubeconfig";

const GROUP = "istio.alibabacloud.com";
const VERSION = "v1beta1";
const PLURAL = "istiogateways";
const PATH = new RegExp(`^apis/${GROUP.replace(/\./g, "\\.")}/${VERSION}/(?:namespaces/([^/]+)/)?${PLURAL}(?:/([^/]+))?/?$`);

/** What the API server answers: the handlers build it, handleKube sends it (or loses it, under a fault). */
interface KubeAnswer {
  code: number;
  body: Record<string, unknown>;
}

function failure(code: number, reason: string, message: string, details?: Record<string, string>): KubeAnswer {
  return { code, body: { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, details, code } };
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export function gatewayObject(gw: GatewayView): Record<string, unknown> {
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

/** Fault rules reach this API with this kind (and the action names of the log, e.g. "get istiogateways"). */
export const KUBE_FAULT_KIND = "Kubernetes";

/** The answer an injected fault gives instead of serving, in the API server's own Status shape. */
function faultAnswer(effect: AnswerEffect): KubeAnswer {
  switch (effect.type) {
    case "throttle": return failure(429, "TooManyRequests", "Too many requests, please try again later.");
    case "serverError": return effect.httpStatus === 500
      ? failure(500, "InternalError", "Internal error occurred: injected fault")
      : failure(effect.httpStatus ?? 503, "ServiceUnavailable", "The server is currently unable to handle the request");
    case "error": return failure(effect.httpStatus ?? 400, effect.code, effect.message ?? `Injected fault ${effect.code}.`);
  }
}

/**
 * Serves one request and records it in `log` as "<verb> istiogateways" with the status it got. Fault
 * rules apply as on the OpenAPI (latency, throttle, 5xx, error, drop, lostResponse); the OpenAPI's
 * rate limit does not: this is another server.
 */
export async function handleKube(rt: Runtime, req: IncomingMessage, res: ServerResponse, path: string, rawQuery: string, log: RequestLog): Promise<void> {
  const slash = path.indexOf("/");
  const meshId = decodeURIComponent(slash >= 0 ? path.slice(0, slash) : path);
  const match = PATH.exec(slash >= 0 ? path.slice(slash + 1) : "");
  const method = req.method ?? "GET";
  const action = `${method === "GET" ? (match?.[2] === undefined ? "list" : "get") : method.toLowerCase()} ${PLURAL}`;
  const record = (status: number, code?: string) => log.record({ action, time: new Date(rt.clock.now()).toISOString(), status, code, meshId });

  const plan = planFaults(rt.faults.fire(action, KUBE_FAULT_KIND));
  if (plan.latencyMs > 0) await sleep(plan.latencyMs);
  if (!plan.answer && plan.drop) {
    record(0, "DroppedConnection");
    res.socket?.destroy();
    return;
  }
  const answer = plan.answer ? faultAnswer(plan.answer) : serveKube(rt, req, meshId, match, rawQuery);
  if (plan.loseResponse) {
    record(0, "ResponseLost");
    res.socket?.destroy();
    return;
  }
  sendJson(res, answer.code, answer.body);
  record(answer.code, answer.code >= 400 ? String(answer.body.reason) : undefined);
}

function serveKube(rt: Runtime, req: IncomingMessage, meshId: string, match: RegExpExecArray | null, rawQuery: string): KubeAnswer {
  if (!authorized(rt, req, meshId)) return failure(401, "Unauthorized", "Unauthorized");
  const stored = rt.store.mesh(meshId);
  const mesh = stored && settleMesh(rt.store, rt.rules, stored, true);
  if (!mesh || !match) {
    rt.store.flush();
    return failure(404, "NotFound", "the server could not find the requested resource");
  }
  const [, namespace, name] = match.map((m) => (m === undefined ? m : decodeURIComponent(m)));
  const method = req.method ?? "GET";
  if (name === undefined && method === "GET") return list(rt, mesh, namespace, new URLSearchParams(rawQuery).get("labelSelector") ?? "");
  if (name !== undefined && namespace !== undefined && (method === "GET" || method === "DELETE")) {
    return single(rt, mesh, namespace, name, method);
  }
  return failure(405, "MethodNotAllowed", `${method} is not supported on this resource by the ASM emulator`);
}

function list(rt: Runtime, mesh: MeshView, namespace: string | undefined, selector: string): KubeAnswer {
  const items = Object.values(mesh.gateways)
    .filter((g) => (namespace === undefined || g.namespace === namespace) && matchesLabelSelector(g.labels, selector))
    .map(gatewayObject);
  rt.store.flush();
  return { code: 200, body: { apiVersion: `${GROUP}/${VERSION}`, kind: "IstioGatewayList", metadata: { resourceVersion: String(mesh.resourceVersion) }, items } };
}

function single(rt: Runtime, mesh: MeshView, namespace: string, name: string, method: string): KubeAnswer {
  const gw = mesh.gateways[`${namespace}/${name}`];
  if (!gw) {
    rt.store.flush();
    return failure(404, "NotFound", `${PLURAL}.${GROUP} "${name}" not found`, { name, group: GROUP, kind: PLURAL });
  }
  if (method === "DELETE" && !gw.deletion) {
    rt.store.changeMesh(mesh, (m) => {
      const stored = m.gateways[`${namespace}/${name}`];
      m.resourceVersion += 1;
      stored.resourceVersion = m.resourceVersion;
      stored.deletion = { since: rt.clock.now(), reads: 0 };
    });
  }
  rt.store.flush();
  return { code: 200, body: gatewayObject(gw) };
}
