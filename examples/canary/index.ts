// Multi-cluster canary: one mesh spanning three ACK clusters, an ingress gateway on all of them, and a route
// that splits traffic between the stable and the canary version of a service. Shift traffic by changing one
// number and running `pulumi up`; each step is an in-place update of that one route:
//
//   pulumi config set canary:weight 10 && pulumi up     # 90 / 10
//   pulumi config set canary:weight 50 && pulumi up     # 50 / 50
//   pulumi config set canary:weight 100 && pulumi up    # all traffic on the canary
//
// Stack config: asm:/alicloud: keys as in the quickstart, plus canary:vpcId, canary:vSwitchId,
// canary:clusterIds (JSON list), canary:host (default checkout.example.com), canary:weight (0-100, default 0).
import * as pulumi from "@pulumi/pulumi";
import { ASMGateway, ClusterAttachment, GatewayRoute, ServiceMesh } from "asm-pulumi";

const cfg = new pulumi.Config("canary");
const clusterIds = cfg.requireObject<string[]>("clusterIds");
const host = cfg.get("host") ?? "checkout.example.com";
const weight = cfg.getNumber("weight", { min: 0, max: 100 }) ?? 0;

const mesh = new ServiceMesh("mesh", {
  name: "canary",
  network: { vpcId: cfg.require("vpcId"), vSwitchIds: [cfg.require("vSwitchId")] },
  localityLoadBalancing: { enabled: true },
});
const attachments = clusterIds.map((clusterId, i) => new ClusterAttachment(`cluster-${i + 1}`, { meshId: mesh.id, clusterId }));
const gateway = new ASMGateway("ingress", {
  meshId: mesh.id,
  name: "canary-ingress",
  // The attachments' outputs, not the plain ids: a re-created attachment then replaces the gateway with it.
  clusterIds: attachments.map((a) => a.clusterId),
  ports: [{ name: "http", port: 80, targetPort: 80, protocol: "HTTP" }],
  minReplicas: 2,
  maxReplicas: 6,
});

// One destination while no traffic goes to the canary (a single destination needs no weight), two otherwise.
const service = "checkout.default.svc.cluster.local";
const destinations = weight === 0
  ? [{ host: service, subset: "stable", port: 8080 }]
  : weight === 100
    ? [{ host: service, subset: "canary", port: 8080 }]
    : [{ host: service, subset: "stable", port: 8080, weight: 100 - weight }, { host: service, subset: "canary", port: 8080, weight }];

const route = new GatewayRoute("checkout", {
  meshId: mesh.id,
  gatewayName: gateway.name,
  routeName: "checkout",
  domains: [host],
  match: { uri: { mode: "prefix", value: "/" } },
  destinations,
  retries: { attempts: 2, perTryTimeout: "1s", retryOn: "5xx" },
  description: `canary at ${weight}%`,
});

export const meshId = mesh.id;
export const clusters = attachments.map((a) => a.id);
export const routeId = route.id;
export const canaryWeight = weight;
