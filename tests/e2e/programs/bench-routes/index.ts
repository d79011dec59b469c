// A mesh, one attachment, one gateway and bench:routeCount routes on it, for bench/routes.ts
// (throttling and API-call counts at scale). The count comes from stack config, never a code edit.
import * as pulumi from "@pulumi/pulumi";
import { ASMGateway, ClusterAttachment, GatewayRoute, ServiceMesh } from "asm-pulumi";

const cfg = new pulumi.Config("bench");
const mesh = new ServiceMesh("mesh", {
  name: "bench-routes",
  network: { vpcId: cfg.require("vpcId"), vSwitchIds: [cfg.require("vSwitchId")] },
});
const attachment = new ClusterAttachment("cluster", { meshId: mesh.meshId, clusterId: cfg.require("clusterId") });
const gateway = new ASMGateway("ingress", {
  meshId: mesh.meshId,
  name: "ingressgateway",
  clusterIds: [attachment.clusterId],
  ports: [{ name: "http-0", port: 80, targetPort: 80, protocol: "TCP" }],
  replicaCount: 1,
});
const count = cfg.requireNumber("routeCount");
for (let i = 0; i < count; i++) {
  const name = `route-${String(i).padStart(3, "0")}`;
  new GatewayRoute(name, {
    meshId: mesh.meshId,
    gatewayName: gateway.name,
    routeName: name,
    domains: ["bench.example.com"],
    match: { uri: { mode: "prefix", value: `/${name}` } },
    destinations: [{ host: `svc-${i}.default.svc.cluster.local`, port: 8080 }],
  });
}

export const meshId = mesh.meshId;
export const routeCount = count;
