// What an operation handler gets: the store, the transition rules, and helpers to reach a mesh in
// the right way for reading (counts as a lifecycle read) or changing (must be running).
import * as E from "../errors/catalog";
import { acceptsChanges } from "../modelled";
import type { Frozen, MeshView } from "../state/records";
import { settleMesh } from "../state/meshLifecycle";
import type { Store } from "../state/store";
import { isVisible, type TransitionRules, type Visibility } from "../time/lifecycle";
import type { Params } from "./params";

/** The family an action belongs to, for the request log and fault matching (not the provider's resource kinds). */
export type EmulatedKind = "ServiceMesh" | "ClusterAttachment" | "ASMGateway" | "GatewaySecret" | "GatewayRoute" | "Account";

export interface OpContext {
  store: Store;
  rules: TransitionRules;
  /** Base URL of this emulator, for the kubeconfig it hands out. */
  baseUrl: string;
  kubeToken(meshId: string): string;
  /** Fill the documented IstioGateway spec defaults into stored gateways (see DOCUMENTED_GATEWAY_DEFAULTS). */
  gatewayDefaults: boolean;
  /** Set by handlers to the mesh a call concerns, for the request log and failResource faults. */
  meshId?: string;
}

export type Handler = (ctx: OpContext, p: Params) => Record<string, unknown>;

export interface OperationSpec {
  kind: EmulatedKind;
  handler: Handler;
}

/** A family's action table: each handler tagged with the family's kind. */
export function operationsOf<A extends string>(kind: EmulatedKind, handlers: Record<A, Handler>): Record<A, OperationSpec> {
  return Object.fromEntries(Object.entries<Handler>(handlers).map(([action, handler]) => [action, { kind, handler }])) as Record<A, OperationSpec>;
}

/** A read: advances the lifecycle by one read and honours read-after-create visibility. */
export function readMesh(ctx: OpContext, id: string): MeshView {
  ctx.meshId = id;
  const mesh = ctx.store.mesh(id);
  const settled = mesh && settleMesh(ctx.store, ctx.rules, mesh, true);
  if (!settled || !visibleNow(ctx, settled, settled.visibility)) throw E.meshNotFound(id);
  return settled;
}

/** Every mesh a listing shows: each one read (so counted) as readMesh does; deleted or not yet visible ones left out. */
export function readableMeshes(ctx: OpContext): MeshView[] {
  const out: MeshView[] = [];
  for (const id of ctx.store.meshIds()) {
    try {
      out.push(readMesh(ctx, id));
    } catch (e) {
      // Gone or not yet visible: a listing leaves it out rather than failing.
      if (!(e instanceof E.EmulatorError && e.code === E.meshNotFound(id).code)) throw e;
    }
  }
  ctx.meshId = undefined;
  return out;
}

/** Any non-read access: time-based transitions apply, reads are not counted. */
export function findMesh(ctx: OpContext, id: string): MeshView {
  ctx.meshId = id;
  const mesh = ctx.store.mesh(id);
  const settled = mesh && settleMesh(ctx.store, ctx.rules, mesh, false);
  if (!settled) throw E.meshNotFound(id);
  return settled;
}

/** A change: the mesh must be running (modelled; see ../modelled.ts). */
export function mutableMesh(ctx: OpContext, id: string): MeshView {
  const mesh = findMesh(ctx, id);
  if (!acceptsChanges(mesh.phase.status)) throw E.meshNotRunning(id, mesh.phase.status);
  return mesh;
}

/**
 * Read-after-create visibility of a mesh or of an object in it. A hidden object counts the read,
 * which is a change to the mesh's record.
 */
export function visibleNow(ctx: OpContext, mesh: MeshView, visibility: Frozen<Visibility>): boolean {
  if (visibility.visible) return true;
  // `visibility` is part of `mesh`, which changeMesh has just confirmed is the stored record.
  return ctx.store.changeMesh(mesh, () => isVisible(visibility as Visibility, ctx.rules, ctx.store.clockNow()));
}

/** ISO-8601 with offset, as ASM formats CreationTime/UpdateTime. */
export const isoTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+00:00");
