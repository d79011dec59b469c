// The RPC request pipeline, in order: request id → parse → action and version → authenticate →
// parameters against the contract (paramCheck.ts) → rate limit → faults → handler → persist → respond → log. A handler never writes a response; it
// returns data or throws an EmulatorError, and this file turns either into the wire shape.
import type { IncomingMessage, ServerResponse } from "node:http";
import * as E from "../errors/catalog";
import { EmulatorError } from "../errors/catalog";
import { PROFILE_LATENCY_MS } from "../modelled";
import type { OpContext } from "../operations/context";
import { Params } from "../operations/params";
import { findOperation } from "../operations/registry";
import type { Runtime } from "../runtime";
import { failMeshRecord } from "../state/meshLifecycle";
import { planFaults, sleep, type AnswerEffect, type FaultPlan } from "../faults/faultPlan";
import { parseRpc, type RpcRequest } from "./parseRpc";
import { newRequestId, sendError, sendJson } from "./serialize";

export const API_VERSION = "2020-01-11";

function effectError(effect: AnswerEffect): EmulatorError {
  switch (effect.type) {
    case "throttle": return E.throttled();
    case "serverError": return effect.httpStatus === 500 ? E.internalError() : E.serviceUnavailable(effect.httpStatus ?? 503);
    case "error": return new EmulatorError(effect.code, effect.httpStatus ?? 400, effect.message ?? `Injected fault ${effect.code}.`);
  }
}

function checkAction(req: RpcRequest): { action: string; kind: string } {
  if (!req.action) throw E.missingAction();
  const op = findOperation(req.action);
  if (!op) throw E.invalidAction(req.action);
  if (req.version === undefined) throw E.missingParameter("Version");
  if (req.version !== API_VERSION) throw E.invalidVersion(req.version);
  return { action: req.action, kind: op.kind };
}

export async function handleRpc(rt: Runtime, httpReq: IncomingMessage, res: ServerResponse, body: Buffer, rawQuery: string): Promise<void> {
  const requestId = newRequestId();
  const req = parseRpc(httpReq.method ?? "GET", rawQuery, httpReq.headers, body);
  const ctx = rt.operationContext();
  const log = (status: number, code?: string) =>
    rt.log.record({ action: req.action ?? "", time: new Date(rt.clock.now()).toISOString(), status, code, meshId: ctx.meshId ?? req.flat.ServiceMeshId });
  try {
    const { action, kind } = checkAction(req);
    rt.auth.authenticate(req, httpReq.headers, body);
    rt.params.check(action, req);
    if (rt.limiter && !rt.limiter.tryTake()) throw E.throttled();
    const plan = planFaults(rt.faults.fire(action, kind));
    if (plan.latencyMs > 0) await sleep(plan.latencyMs);
    if (plan.answer) throw effectError(plan.answer);
    if (plan.drop) {
      log(0, "DroppedConnection");
      res.socket?.destroy();
      return;
    }
    const latency = PROFILE_LATENCY_MS[rt.rules.profileName];
    if (latency > 0) await sleep(latency);
    const result = runHandler(rt, ctx, action, req, plan);
    rt.store.flush();
    if (plan.loseResponse) {
      log(0, "ResponseLost");
      res.socket?.destroy();
      return;
    }
    sendJson(res, 200, { RequestId: requestId, ...result });
    log(200);
  } catch (e) {
    const err = e instanceof EmulatorError ? e : E.internalError();
    if (!(e instanceof EmulatorError)) process.stderr.write(`asm-emulator: ${req.action ?? "?"} failed: ${(e as Error).stack ?? String(e)}\n`);
    rt.store.flush();
    sendError(res, err, requestId);
    log(err.httpStatus, err.code);
  }
}

function runHandler(rt: Runtime, ctx: OpContext, action: string, req: RpcRequest, plan: FaultPlan): Record<string, unknown> {
  const op = findOperation(action);
  if (!op) throw E.invalidAction(action);
  const result = op.handler(ctx, new Params(req.params));
  const fail = plan.failResource;
  const mesh = fail && ctx.meshId ? rt.store.mesh(ctx.meshId) : undefined;
  if (fail && mesh) failMeshRecord(rt.store, mesh, fail.message ?? "Injected failure: the mesh control plane failed to reconcile.");
  return result;
}
