// The whole resource family on one mesh, for the fault scenarios in tests/reliability. The tests
// change stack config (never code) between steps:
//   rel:withGateway  false removes the gateway, its TLS secret and its route (default true)
//   rel:canaryWeight share of traffic the route sends to v2 (in-place route update)
//   rel:tlsCert / rel:tlsKey (secrets) the certificate and private key of the TLS secret
//   rel:adoptMeshId  take over this existing mesh instead of creating one (recovery after a lost create)
import * as pulumi from "@pulumi/pulumi";
import { ASMGateway, ClusterAttachment, GatewayRoute, GatewaySecret, ServiceMesh } from "asm-pulumi";

const cfg = new pulumi.Config("rel");
const mesh = new ServiceMesh("mesh", {
  name: cfg.get("meshName") ?? "rel-mesh",
  network: { vpcId: cfg.require("vpcId"), vSwitchIds: [cfg.require("vSwitchId")] },
  adoptId: cfg.get("adoptMeshId"),
});
const attachment = new ClusterAttachment("cluster", { meshId: mesh.meshId, clusterId: cfg.require("clusterId") });

if (cfg.getBoolean("withGateway") ?? true) {
  const gateway = new ASMGateway("ingress", {
    meshId: mesh.meshId,
    name: "ingressgateway",
    clusterIds: [attachment.clusterId],
    ports: [{ name: "https-0", port: 443, targetPort: 443, protocol: "TCP" }],
  });
  new GatewaySecret("tls", {
    meshId: mesh.meshId,
    gatewayName: gateway.name,
    secretName: "rel-tls",
    cert: cfg.requireSecret("tlsCert"),
    key: cfg.requireSecret("tlsKey"),
  });
  const canary = cfg.getNumber("canaryWeight") ?? 10;
  new GatewayRoute("reviews", {
    meshId: mesh.meshId,
    gatewayName: gateway.name,
    routeName: "reviews",
    domains: ["demo.example.com"],
    match: { uri: { mode: "prefix", value: "/reviews" } },
    destinations: [
      { host: "reviews.default.svc.cluster.local", subset: "v1", port: 9080, weight: 100 - canary },
      { host: "reviews.default.svc.cluster.local", subset: "v2", port: 9080, weight: canary },
    ],
  });
}

export const meshId = mesh.meshId;
export const kubeconfig = mesh.kubeconfig;
