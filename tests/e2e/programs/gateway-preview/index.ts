// A mesh with one attached cluster, an ingress gateway, a TLS secret and two routes. The preview-summary
// and drift e2e tests change stack config (never code) between steps, as a user changes a stack:
//   e2e:vpcId         another network replaces the mesh and everything that hangs off it
//   e2e:gatewayName   a new gateway name replaces the gateway, its secret and its routes
//   e2e:replicas      gateway replica count (in-place update)
//   e2e:canaryWeight  share of reviews traffic sent to v2 (in-place route update)
//   e2e:withRatings   false removes the ratings route
//   e2e:withSecret    false removes the TLS secret
//   e2e:tlsCert/tlsKey (secrets) a new certificate rotates (replaces) the secret
import * as pulumi from "@pulumi/pulumi";
import { ASMGateway, ClusterAttachment, GatewayRoute, GatewaySecret, ServiceMesh } from "asm-pulumi";

const cfg = new pulumi.Config("e2e");
const mesh = new ServiceMesh("mesh", {
  name: "preview-mesh",
  network: { vpcId: cfg.require("vpcId"), vSwitchIds: [cfg.require("vSwitchId")] },
});
const attachment = new ClusterAttachment("cluster", { meshId: mesh.meshId, clusterId: cfg.require("clusterId") });
const gateway = new ASMGateway("ingress", {
  meshId: mesh.meshId,
  name: cfg.get("gatewayName") ?? "ingressgateway",
  clusterIds: [attachment.clusterId],
  ports: [{ name: "https-0", port: 443, targetPort: 443, protocol: "TCP" }],
  replicaCount: cfg.getNumber("replicas") ?? 1,
});

if (cfg.getBoolean("withSecret") ?? true) {
  new GatewaySecret("tls", {
    meshId: mesh.meshId,
    gatewayName: gateway.name,
    secretName: "preview-tls",
    cert: cfg.requireSecret("tlsCert"),
    key: cfg.requireSecret("tlsKey"),
  });
}

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
if (cfg.getBoolean("withRatings") ?? true) {
  new GatewayRoute("ratings", {
    meshId: mesh.meshId,
    gatewayName: gateway.name,
    routeName: "ratings",
    domains: ["demo.example.com"],
    match: { uri: { mode: "prefix", value: "/ratings" } },
    destinations: [{ host: "ratings.default.svc.cluster.local", port: 9080 }],
  });
}

export const meshId = mesh.meshId;
export const gatewayId = gateway.id;
