// A mesh with one cluster, an ingress gateway, its TLS secret and three routes. The e2e test changes
// e2e:canaryWeight between steps (a route update); certificates come from stack config.
import * as pulumi from "@pulumi/pulumi";
import { ASMGateway, ClusterAttachment, GatewayRoute, GatewaySecret, ServiceMesh } from "asm-pulumi";

const cfg = new pulumi.Config("e2e");
const clusterId = cfg.require("clusterId");
const mesh = new ServiceMesh("mesh", { name: "e2e-gateways", network: { vpcId: cfg.require("vpcId"), vSwitchIds: [cfg.require("vSwitchId")] } });
const attachment = new ClusterAttachment("cluster", { meshId: mesh.id, clusterId });
const gateway = new ASMGateway("ingress", {
  meshId: mesh.id,
  name: "ingressgateway",
  clusterIds: [clusterId],
  ports: [{ name: "https", port: 443, targetPort: 443, protocol: "HTTPS" }],
  replicaCount: 2,
}, { dependsOn: [attachment] });
const secret = new GatewaySecret("tls", { meshId: mesh.id, gatewayName: gateway.name, secretName: "e2e-tls", cert: cfg.require("tlsCert"), key: cfg.requireSecret("tlsKey") });

const weight = cfg.getNumber("canaryWeight") ?? 10;
const routes = [
  new GatewayRoute("web", { meshId: mesh.id, gatewayName: gateway.name, routeName: "web", domains: ["e2e.example.com"], match: { uri: { mode: "prefix", value: "/" } }, destinations: [{ host: "web.default.svc.cluster.local", port: 80 }] }),
  new GatewayRoute("api", {
    meshId: mesh.id, gatewayName: gateway.name, routeName: "api", domains: ["e2e.example.com"], priority: 1,
    match: { uri: { mode: "prefix", value: "/api" } },
    destinations: [
      { host: "api.default.svc.cluster.local", subset: "stable", port: 80, weight: 100 - weight },
      { host: "api.default.svc.cluster.local", subset: "canary", port: 80, weight },
    ],
  }),
  new GatewayRoute("docs", { meshId: mesh.id, gatewayName: gateway.name, routeName: "docs", domains: ["e2e.example.com"], priority: 2, match: { uri: { mode: "prefix", value: "/docs" } }, redirect: { uri: "/help", code: 301 } }),
];

export const meshId = mesh.id;
export const gatewayId = gateway.id;
export const secretId = secret.id;
export const secretState = secret.state;
export const routeIds = routes.map((r) => r.id);
