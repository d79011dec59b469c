// The control API under /_emulator/ (JSON in, JSON out, no signature): the same operations as the
// in-process handle. Bad input answers 400 {error}; an unknown route answers 404 {error}.
import type { ServerResponse } from "node:http";
import type { EmulatorControl } from "../control";
import { applyMutation } from "../mutations";
import type { Runtime } from "../runtime";
import type { FaultRule, ProfileName, RateLimit, TransitionRule } from "../types";
import { sendJson } from "./serialize";

type Body = Record<string, unknown>;
type Route = (c: EmulatorControl, body: Body, rest: string) => unknown;

const ROUTES: Record<string, Route> = {
  "POST reset": (c) => (c.reset(), { ok: true }),
  "GET state": (c) => c.state(),
  "POST profile": (c, b) => (c.setProfile(b.profile as ProfileName), { ok: true }),
  "POST transitions": (c, b) => {
    const rule = (b.rule ?? { afterReads: b.afterReads, afterMs: b.afterMs }) as TransitionRule;
    c.setTransitions(b.kind as string, rule);
    return { ok: true };
  },
  "GET faults": (c) => c.faults(),
  "POST faults": (c, b) => ({ id: c.addFault(b as unknown as FaultRule) }),
  "DELETE faults": (c, _b, rest) => (rest ? c.removeFault(rest) : c.clearFaults(), { ok: true }),
  "POST ratelimit": (c, b) => (c.setRateLimit(b.requestsPerSecond === undefined ? undefined : (b as unknown as RateLimit)), { ok: true }),
  "POST gateway-defaults": (c, b) => (c.setGatewayDefaults(b.enabled as boolean), { ok: true }),
  "GET requests": (c) => c.requests(),
  "GET counts": (c) => c.counts(),
  "GET kube-requests": (c) => c.kubeRequests(),
  "GET kube-counts": (c) => c.kubeCounts(),
  "GET transitions": (c) => c.transitions(),
  "DELETE requests": (c) => (c.clearRequests(), { ok: true }),
  "POST rotate-key": (c, b) => c.rotateKey(String(b.accessKeyId ?? "")),
  "POST fail-mesh": (c, b) => (c.failMesh(String(b.meshId ?? ""), String(b.message ?? "failed by the control API")), { ok: true }),
};

function parseBody(body: Buffer): Body {
  if (body.length === 0) return {};
  const parsed = JSON.parse(body.toString("utf8")) as unknown;
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("the request body must be a JSON object.");
  return parsed as Body;
}

export function handleControl(rt: Runtime, control: EmulatorControl, method: string, path: string, body: Buffer, res: ServerResponse): void {
  const [name, ...restParts] = path.split("/").filter((s) => s.length > 0);
  const rest = restParts.join("/");
  try {
    const parsed = parseBody(body);
    if (method === "POST" && name === "mutate" && rest) {
      applyMutation(rt, rest, parsed);
      sendJson(res, 200, { ok: true });
      return;
    }
    const route = ROUTES[`${method} ${name ?? ""}`];
    if (!route || (rest && !(name === "faults" && method === "DELETE"))) {
      sendJson(res, 404, { error: `no control route ${method} /_emulator/${path}; see emulator/README.md.` });
      return;
    }
    sendJson(res, 200, route(control, parsed, rest) ?? { ok: true });
  } catch (e) {
    sendJson(res, 400, { error: (e as Error).message });
  }
}
