// Cluster attachment: AddClusterIntoServiceMesh, RemoveClusterFromServiceMesh,
// DescribeClustersInServiceMesh (attached) and DescribeServiceMeshClusters (candidates, with
// ForbiddenFlag). Adding or removing puts the mesh in `updating`; the cluster list changes when
// the mesh settles back to `running`.
import * as E from "../errors/catalog";
import { CLUSTER_REMOVAL_BLOCKED_BY_GATEWAYS, MeshState, RESERVED_NAMESPACE_BLOCKS_REJOIN } from "../modelled";
import { beginMeshPhase } from "../state/meshLifecycle";
import type { ClusterView, MeshView } from "../state/records";
import { checkJoinable, forbiddenFlag } from "./clusterRules";
import { isoTime, mutableMesh, operationsOf, readMesh, type OpContext } from "./context";
import type { Params } from "./params";

const SUCCESS = { Code: "200", Message: "success" };

function addCluster(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = mutableMesh(ctx, p.reqStr("ServiceMeshId"));
  const clusterId = p.reqStr("ClusterId");
  const ignoreNamespaceCheck = p.bool("IgnoreNamespaceCheck") ?? false;
  p.bool("DiscoveryOnly");
  checkJoinable(ctx.store, mesh, clusterId, ignoreNamespaceCheck);
  beginMeshPhase(ctx.store, mesh, MeshState.updating, "ServiceMesh:update");
  ctx.store.changeMesh(mesh, (m) => m.pending.addClusters.push(clusterId));
  return { ...SUCCESS };
}

function removeCluster(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = mutableMesh(ctx, p.reqStr("ServiceMeshId"));
  const clusterId = p.reqStr("ClusterId");
  const reserveNamespace = p.bool("ReserveNamespace") ?? false;
  if (!mesh.clusters.includes(clusterId)) throw E.clusterNotAttached(clusterId, mesh.id);
  const users = Object.values(mesh.gateways)
    .filter((g) => !g.deletion && Array.isArray(g.spec.clusterIds) && g.spec.clusterIds.includes(clusterId))
    .map((g) => `${g.namespace}/${g.name}`);
  if (CLUSTER_REMOVAL_BLOCKED_BY_GATEWAYS && users.length > 0) throw E.clusterInUse(clusterId, users);
  const cluster = ctx.store.cluster(clusterId);
  if (cluster && reserveNamespace && RESERVED_NAMESPACE_BLOCKS_REJOIN) ctx.store.changeCluster(cluster, (c) => (c.hasIstioSystem = true));
  beginMeshPhase(ctx.store, mesh, MeshState.updating, "ServiceMesh:update");
  ctx.store.changeMesh(mesh, (m) => m.pending.removeClusters.push(clusterId));
  return { ...SUCCESS };
}

/** The fields a cluster row has in both DescribeServiceMeshClusters and DescribeClustersInServiceMesh. */
export function clusterView(c: ClusterView): Record<string, unknown> {
  return {
    ClusterId: c.clusterId, Name: c.name, ClusterType: c.clusterType, ClusterDomain: c.clusterDomain,
    RegionId: c.regionId, VpcId: c.vpcId, SgId: `sg-${c.clusterId.slice(1, 13)}`, Version: c.version,
    State: c.state, ErrorMessage: "", CreationTime: isoTime(c.createdAt), UpdateTime: isoTime(c.createdAt),
  };
}

/** A member cluster's row: what the mesh installed in it as well. */
function memberView(c: ClusterView, mesh: MeshView): Record<string, unknown> {
  return {
    ...clusterView(c), AccessLogDashboards: [], LogtailInstalledState: "logtail_uninstalled",
    GuestClusterConfig: { SMC: { Enabled: mesh.options.SMCEnabled === true } },
  };
}

function describeClustersInServiceMesh(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = readMesh(ctx, p.reqStr("ServiceMeshId"));
  const clusters = mesh.clusters.map((id) => ctx.store.cluster(id)).filter((c): c is ClusterView => !!c);
  return { Clusters: clusters.map((c) => memberView(c, mesh)) };
}

function describeServiceMeshClusters(ctx: OpContext, p: Params): Record<string, unknown> {
  const id = p.str("ServiceMeshId");
  const mesh = id ? readMesh(ctx, id) : undefined;
  const limit = p.int("Limit", 1, 1000) ?? 1000;
  const offset = p.int("Offset", 0) ?? 0;
  const candidates = ctx.store.clusters().filter((c) => !ctx.store.meshOwningCluster(c.clusterId));
  const rows = candidates.map((c) => {
    const flag = mesh ? forbiddenFlag(c, mesh) : 0;
    const info = flag === 2 && mesh ? [{ cluster: c.clusterId, object: mesh.vpcId, cidr: "" }] : [];
    return { ...clusterView(c), ServiceMeshId: id ?? "", ForbiddenFlag: flag, ForbiddenInfo: JSON.stringify(info) };
  });
  return { Clusters: rows.slice(offset, offset + limit), NumberOfClusters: rows.length };
}

export const clusterOperations = operationsOf("ClusterAttachment", {
  AddClusterIntoServiceMesh: addCluster,
  RemoveClusterFromServiceMesh: removeCluster,
  DescribeClustersInServiceMesh: describeClustersInServiceMesh,
  DescribeServiceMeshClusters: describeServiceMeshClusters,
});
