// ASMGateway: CreateASMGateway and UpdateASMGateway write the IstioGateway custom resource of the
// mesh; reads and deletes go through the mesh's Kubernetes API (../kube/kubeApi.ts), as on the
// real service, which has no gateway read or delete action. The mesh must be running.
import * as E from "../errors/catalog";
import { DEFAULT_GATEWAY_NAMESPACE, DOCUMENTED_GATEWAY_DEFAULTS } from "../modelled";
import type { GatewayView, MeshView } from "../state/records";
import { mutableMesh, operationsOf, type OpContext } from "./context";
import { parseIstioGatewayBody } from "./istioGatewayBody";
import type { Params } from "./params";

/** The live (not deleting) gateway with this name; istio-system first, as IstioGatewayName carries no namespace. */
export function gatewayByName(mesh: MeshView, name: string): GatewayView | undefined {
  const live = Object.values(mesh.gateways).filter((g) => g.name === name && !g.deletion);
  return live.find((g) => g.namespace === DEFAULT_GATEWAY_NAMESPACE) ?? live[0];
}

export function requireGateway(mesh: MeshView, name: string): GatewayView {
  const gw = gatewayByName(mesh, name);
  if (!gw) throw E.gatewayNotFound(mesh.id, name);
  return gw;
}

/** The spec as the control plane stores it: with the documented defaults when the emulator models them. */
function storedSpec(ctx: OpContext, spec: Record<string, unknown>): Record<string, unknown> {
  return ctx.gatewayDefaults ? { ...DOCUMENTED_GATEWAY_DEFAULTS, ...spec } : spec;
}

function createGateway(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = mutableMesh(ctx, p.reqStr("ServiceMeshId"));
  const body = parseIstioGatewayBody(p.reqStr("Body"), p.str("IstioGatewayName"), mesh.clusters);
  const key = `${body.namespace}/${body.name}`;
  if (mesh.gateways[key]) throw E.alreadyExists("IstioGateway", key);
  const uid = ctx.store.newUid();
  ctx.store.changeMesh(mesh, (m) => {
    m.resourceVersion += 1;
    m.gateways[key] = {
      namespace: body.namespace, name: body.name, uid, generation: 1,
      resourceVersion: m.resourceVersion, createdAt: ctx.store.clockNow(), labels: body.labels, spec: storedSpec(ctx, body.spec),
    };
  });
  return {};
}

function updateGateway(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = mutableMesh(ctx, p.reqStr("ServiceMeshId"));
  const body = parseIstioGatewayBody(p.reqStr("Body"), p.str("IstioGatewayName"), mesh.clusters);
  const key = `${body.namespace}/${body.name}`;
  const live = mesh.gateways[key];
  if (!live || live.deletion) throw E.gatewayNotFound(mesh.id, key);
  ctx.store.changeMesh(mesh, (m) => {
    const gw = m.gateways[key];
    m.resourceVersion += 1;
    gw.spec = storedSpec(ctx, body.spec);
    gw.labels = body.labels;
    gw.generation += 1;
    gw.resourceVersion = m.resourceVersion;
  });
  return {};
}

export const gatewayOperations = operationsOf("ASMGateway", {
  CreateASMGateway: createGateway,
  UpdateASMGateway: updateGateway,
});
