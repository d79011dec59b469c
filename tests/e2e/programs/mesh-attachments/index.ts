// One mesh and two attachments. The e2e test changes stack config (not code) between steps, as a user
// changes a stack: e2e:tracing flips a feature flag (in-place update), e2e:vpcId moves the mesh to
// another network (replacement).
import * as pulumi from "@pulumi/pulumi";
import { ClusterAttachment, ServiceMesh } from "asm-pulumi";

const cfg = new pulumi.Config("e2e");
const mesh = new ServiceMesh("mesh", {
  name: cfg.get("meshName") ?? "e2e-mesh",
  network: { vpcId: cfg.require("vpcId"), vSwitchIds: [cfg.require("vSwitchId")] },
  tracing: { enabled: cfg.getBoolean("tracing") ?? false },
});
const clusters = cfg.requireObject<string[]>("clusterIds");
export const attachments = clusters.map(
  (clusterId, i) => new ClusterAttachment(`cluster-${i}`, { meshId: mesh.meshId, clusterId }).id,
);
export const meshId = mesh.meshId;
export const meshState = mesh.state;
export const attachedClusters = mesh.clusters;
export const kubeconfig = mesh.kubeconfig;
