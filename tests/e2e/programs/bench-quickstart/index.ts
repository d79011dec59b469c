// The quickstart's resources, for bench/quickstart.ts while the root quickstart stack is not there:
// a mesh, two attachments, an ingress gateway on both clusters, a TLS secret and three routes.
// It reads the quickstart's own config keys, so the bench configures either program the same way.
import * as pulumi from "@pulumi/pulumi";
import { ASMGateway, ClusterAttachment, GatewayRoute, GatewaySecret, ServiceMesh } from "asm-pulumi";

const cfg = new pulumi.Config("quickstart");
const domain = cfg.require("domain");
const mesh = new ServiceMesh("mesh", {
  name: "quickstart",
  network: { vpcId: cfg.require("vpcId"), vSwitchIds: [cfg.require("vSwitchId")] },
});
const attachments = cfg.requireObject<string[]>("clusterIds").map(
  (clusterId, i) => new ClusterAttachment(`cluster-${i}`, { meshId: mesh.meshId, clusterId }),
);
const gateway = new ASMGateway("ingress", {
  meshId: mesh.meshId,
  name: "ingressgateway",
  clusterIds: attachments.map((a) => a.clusterId),
  ports: [
    { name: "http-0", port: 80, targetPort: 80, protocol: "TCP" },
    { name: "https-1", port: 443, targetPort: 443, protocol: "TCP" },
  ],
  replicaCount: 1,
});
const tls = new GatewaySecret("tls", {
  meshId: mesh.meshId,
  gatewayName: gateway.name,
  secretName: "quickstart-tls",
  cert: cfg.requireSecret("tlsCert"),
  key: cfg.requireSecret("tlsKey"),
});
const routes = ["productpage", "reviews", "ratings"].map(
  (service) =>
    new GatewayRoute(service, {
      meshId: mesh.meshId,
      gatewayName: gateway.name,
      routeName: service,
      domains: [domain],
      match: { uri: { mode: "prefix", value: `/${service}` } },
      destinations: [{ host: `${service}.default.svc.cluster.local`, port: 9080 }],
    }),
);

export const meshId = mesh.meshId;
export const gatewayId = gateway.id;
export const secretName = tls.secretName;
export const routeIds = routes.map((r) => r.id);
