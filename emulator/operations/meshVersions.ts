// Versions and upgrades: DescribeVersions, DescribeUpgradeVersion, UpgradeMeshVersion,
// UpgradeMeshEditionPartially, DescribeServiceMeshUpgradeStatus, and DescribeASMSidecarExpectedVersion
// (not in the SDK; contract from the Terraform provider, ../contract/outsideSdk/). An upgrade puts the
// mesh in `upgrading`; the new version (or edition), and with it the sidecars' expected version, shows
// once the phase completes.
import * as E from "../errors/catalog";
import { expectedSidecarVersion, MeshState } from "../modelled";
import { beginMeshPhase } from "../state/meshLifecycle";
import { mutableMesh, operationsOf, readMesh, type OpContext } from "./context";
import type { Params } from "./params";
import { EDITIONS, ISTIO_VERSIONS, nextVersion } from "./versions";

const KUBERNETES_VERSION = "v1.30.1-aliyun.1";

function describeUpgradeVersion(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = readMesh(ctx, p.reqStr("ServiceMeshId"));
  return {
    Version: {
      IstioVersion: nextVersion(mesh.version) ?? mesh.version,
      IstioOperatorVersion: nextVersion(mesh.version) ?? mesh.version,
      KubernetesVersion: KUBERNETES_VERSION,
    },
  };
}

function describeSidecarExpectedVersion(ctx: OpContext, p: Params): Record<string, unknown> {
  return { Version: expectedSidecarVersion(readMesh(ctx, p.reqStr("ServiceMeshId")).version) };
}

function upgradeMeshVersion(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = mutableMesh(ctx, p.reqStr("ServiceMeshId"));
  const target = nextVersion(mesh.version);
  if (!target) throw E.noUpgradeAvailable(mesh.id, mesh.version);
  if (p.bool("PreCheck")) return {};
  beginMeshPhase(ctx.store, mesh, MeshState.upgrading, "ServiceMesh:upgrade");
  ctx.store.changeMesh(mesh, (m) => (m.pending.version = target));
  return {};
}

function upgradeMeshEditionPartially(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = mutableMesh(ctx, p.reqStr("ServiceMeshId"));
  const toPro = p.bool("SwitchToPro") ?? false;
  p.bool("ASMGatewayContinue");
  const expected = p.str("ExpectedVersion");
  if (expected !== undefined && !ISTIO_VERSIONS.includes(expected)) {
    throw E.invalidParameter("ExpectedVersion", `"${expected}" is not offered; use one of ${ISTIO_VERSIONS.join(", ")}.`);
  }
  if (p.bool("PreCheck")) return {};
  beginMeshPhase(ctx.store, mesh, MeshState.upgrading, "ServiceMesh:upgrade");
  ctx.store.changeMesh(mesh, (m) => {
    if (toPro) m.pending.edition = "Pro";
    if (expected) m.pending.version = expected;
  });
  return {};
}

function describeUpgradeStatus(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = readMesh(ctx, p.reqStr("ServiceMeshId"));
  const wanted = p.csv("AllIstioGatewayFullNames");
  p.csv("GuestClusterIds");
  const gateways = Object.values(mesh.gateways)
    .map((g) => `${g.namespace}:${g.name}`)
    .filter((full) => wanted.length === 0 || wanted.includes(full));
  const status = mesh.phase.status;
  const upgrading = status === MeshState.upgrading;
  const meshStatus = upgrading ? "upgrading" : status === MeshState.failed ? "upgrading_failed" : "running";
  const record: Record<string, unknown> = {};
  for (const full of gateways) {
    record[full.split(":")[1]] = { Status: upgrading ? "upgrading" : "finished", Message: "", Version: mesh.version };
  }
  return {
    UpgradeDetail: {
      MeshStatus: meshStatus, TotalGatewaysNum: gateways.length, FinishedGatewaysNum: upgrading ? 0 : gateways.length,
      GatewayStatusRecord: record,
    },
  };
}

export const meshVersionOperations = {
  ...operationsOf("Account", { DescribeVersions: () => ({ VersionInfo: EDITIONS.map((Edition) => ({ Edition, Versions: [...ISTIO_VERSIONS] })) }) }),
  ...operationsOf("ServiceMesh", {
    DescribeUpgradeVersion: describeUpgradeVersion,
    UpgradeMeshVersion: upgradeMeshVersion,
    UpgradeMeshEditionPartially: upgradeMeshEditionPartially,
    DescribeServiceMeshUpgradeStatus: describeUpgradeStatus,
    DescribeASMSidecarExpectedVersion: describeSidecarExpectedVersion,
  }),
};
