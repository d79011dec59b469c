// ServiceMesh actions: create, read, list, rename, feature and control-plane-log update, delete, kubeconfig.
// Lifecycle: create → `initial` → `running`; UpdateMeshFeature and UpdateControlPlaneLogConfig → `updating`
// → `running`; delete → `deleting` → gone (ServiceMesh.NotFound). Timing comes from the profile (../modelled.ts).
import * as E from "../errors/catalog";
import { buildKubeconfig } from "../kube/kubeconfig";
import { DELETE_RELEASES_CLUSTERS_AT_ONCE, deleteIsNoOp, deleteRefusal, KUBECONFIG_VALIDITY_MS, MESH_REMOVED, MeshState } from "../modelled";
import type { MeshRecord } from "../state/records";
import { beginMeshPhase } from "../state/meshLifecycle";
import { newVisibility, startPhase } from "../time/lifecycle";
import { checkJoinable } from "./clusterRules";
import { findMesh, mutableMesh, operationsOf, readableMeshes, readMesh, type OpContext } from "./context";
import { CREATE_ONLY_OPTIONS, FEATURE_OPTIONS, readOptions, UPDATE_ONLY_OPTIONS } from "./meshOptions";
import { meshDetail, meshListRow } from "./meshView";
import type { Params } from "./params";
import { applyTags, tagList } from "./tags";
import { CLUSTER_SPECS, DEFAULT_MESH_VERSION, EDITIONS, ISTIO_VERSIONS } from "./versions";

function readVSwitches(p: Params): string[] {
  const v = p.json("VSwitches") ?? p.reqStr("VSwitches");
  if (!Array.isArray(v) || v.length === 0 || !v.every((s) => typeof s === "string" && s.length > 0)) {
    throw E.invalidParameter("VSwitches", 'expected a JSON array of vSwitch ids, e.g. ["vsw-xxx"].');
  }
  return v as string[];
}

function createServiceMesh(ctx: OpContext, p: Params): Record<string, unknown> {
  const regionId = p.reqStr("RegionId");
  const vpcId = p.reqStr("VpcId");
  const vSwitches = readVSwitches(p);
  const version = p.str("IstioVersion") ?? DEFAULT_MESH_VERSION;
  if (!ISTIO_VERSIONS.includes(version)) throw E.invalidParameter("IstioVersion", `"${version}" is not offered; use one of ${ISTIO_VERSIONS.join(", ")}.`);
  const edition = p.oneOf("Edition", EDITIONS) ?? "Default";
  const clusterSpec = p.oneOf("ClusterSpec", CLUSTER_SPECS) ?? "standard";
  const options = readOptions(p, [FEATURE_OPTIONS, CREATE_ONLY_OPTIONS]);
  const tags = p.tags();
  const id = ctx.store.newMeshId();
  const guest = p.str("GuestCluster");
  if (guest) checkJoinable(ctx.store, { id, vpcId }, guest, false);
  const now = ctx.store.clockNow();
  const mesh: MeshRecord = {
    id, name: p.str("Name") ?? id, regionId, vpcId, vSwitches, edition, version, clusterSpec, options,
    tags: {}, clusters: [], pending: { addClusters: guest ? [guest] : [], removeClusters: [] },
    phase: startPhase(MeshState.initial, MeshState.running, "ServiceMesh:create", now), errorMessage: "",
    createdAt: now, updatedAt: now, visibility: newVisibility(now), resourceVersion: 1,
    gateways: {}, secrets: {}, routes: {},
  };
  applyTags(mesh, tags);
  ctx.store.addMesh(mesh);
  ctx.meshId = id;
  return { ServiceMeshId: id };
}

function describeServiceMeshes(ctx: OpContext, p: Params): Record<string, unknown> {
  const wanted = p.tags();
  const items = readableMeshes(ctx).filter((mesh) => wanted.every((t) => mesh.tags[t.Key] === t.Value)).map((mesh) => ({
    ...meshListRow(mesh), Tag: tagList(mesh), Upgradable: mesh.version !== ISTIO_VERSIONS[ISTIO_VERSIONS.length - 1],
  }));
  return { ServiceMeshes: items };
}

function modifyServiceMeshName(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = mutableMesh(ctx, p.reqStr("ServiceMeshId"));
  const name = p.reqStr("Name");
  ctx.store.changeMesh(mesh, (m) => {
    m.name = name;
    m.updatedAt = ctx.store.clockNow();
  });
  return {};
}

function updateMeshFeature(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = mutableMesh(ctx, p.reqStr("ServiceMeshId"));
  const { IntegrateKiali: kialiClb, ...changes } = readOptions(p, [FEATURE_OPTIONS, UPDATE_ONLY_OPTIONS]);
  // IntegrateKiali creates the CLB in front of Mesh Topology: the setting UpdateKialiConfiguration calls IntegrateCLB.
  if (kialiClb !== undefined) changes.KialiIntegrateCLB = kialiClb;
  const clusterSpec = p.oneOf("ClusterSpec", CLUSTER_SPECS);
  ctx.store.changeMesh(mesh, (m) => {
    Object.assign(m.options, changes);
    if (clusterSpec) m.clusterSpec = clusterSpec;
  });
  beginMeshPhase(ctx.store, mesh, MeshState.updating, "ServiceMesh:update");
  return {};
}

/** The mesh's control-plane log collection (research/asm-api.md §1.1: Enabled, Project, LogTTLInDay). */
function updateControlPlaneLogConfig(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = mutableMesh(ctx, p.reqStr("ServiceMeshId"));
  const enabled = p.bool("Enabled");
  if (enabled === undefined) throw E.missingParameter("Enabled");
  const project = p.str("Project");
  const ttl = p.int("LogTTLInDay", 1);
  ctx.store.changeMesh(mesh, (m) => {
    m.options.ControlPlaneLogEnabled = enabled;
    if (project !== undefined) m.options.ControlPlaneLogProject = project;
    if (ttl !== undefined) m.options.ControlPlaneLogTTLInDay = ttl;
  });
  beginMeshPhase(ctx.store, mesh, MeshState.updating, "ServiceMesh:update");
  return {};
}

function deleteServiceMesh(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = findMesh(ctx, p.reqStr("ServiceMeshId"));
  const force = p.bool("Force") ?? false;
  const retain = p.json("RetainResources");
  if (retain !== undefined && (!Array.isArray(retain) || !retain.every((r) => typeof r === "string"))) {
    throw E.invalidParameter("RetainResources", 'expected a JSON array of resource ids, e.g. ["lb-xxx"].');
  }
  if (deleteIsNoOp(mesh.phase.status)) return {};
  const attached = [...mesh.clusters, ...mesh.pending.addClusters];
  const refusal = deleteRefusal(mesh.phase.status, attached, force);
  if (refusal === "notRunning") throw E.meshNotRunning(mesh.id, mesh.phase.status);
  if (refusal === "clustersNotEmpty") throw E.clustersNotEmpty(mesh.id, attached);
  if (DELETE_RELEASES_CLUSTERS_AT_ONCE) {
    ctx.store.changeMesh(mesh, (m) => {
      m.clusters = [];
      m.pending = { addClusters: [], removeClusters: [] };
    });
  }
  beginMeshPhase(ctx.store, mesh, MeshState.deleting, "ServiceMesh:delete", MESH_REMOVED);
  return {};
}

function describeServiceMeshKubeconfig(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = readMesh(ctx, p.reqStr("ServiceMeshId"));
  p.bool("PrivateIpAddress");
  const expires = new Date(ctx.store.clockNow() + KUBECONFIG_VALIDITY_MS).toISOString();
  // The SDK documents "YYYY-MM-DD hh:mm:ss".
  return { Kubeconfig: buildKubeconfig(ctx.baseUrl, mesh.id, ctx.kubeToken(mesh.id)), ExpireTime: `${expires.slice(0, 10)} ${expires.slice(11, 19)}` };
}

export const serviceMeshOperations = operationsOf("ServiceMesh", {
  CreateServiceMesh: createServiceMesh,
  DescribeServiceMeshDetail: (ctx, p) => ({ ServiceMesh: meshDetail(readMesh(ctx, p.reqStr("ServiceMeshId"))) }),
  DescribeServiceMeshes: describeServiceMeshes,
  ModifyServiceMeshName: modifyServiceMeshName,
  UpdateMeshFeature: updateMeshFeature,
  UpdateControlPlaneLogConfig: updateControlPlaneLogConfig,
  DeleteServiceMesh: deleteServiceMesh,
  DescribeServiceMeshKubeconfig: describeServiceMeshKubeconfig,
});
