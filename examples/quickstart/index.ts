// Quickstart: a service mesh on two ACK clusters, an HTTPS ingress gateway with its certificate, and routes.
//
// Stack config (set for you by `npm run demo` against the local emulator):
//   asm:endpoint, asm:protocol          where the ASM API is (omit both for Alibaba Cloud itself)
//   alicloud:region, alicloud:accessKey (secret), alicloud:secretKey (secret)
//   quickstart:vpcId, quickstart:vSwitchId, quickstart:clusterIds (JSON list of ACK cluster ids)
//   quickstart:domain                   the host the gateway serves (default shop.example.com)
//   quickstart:tlsCert, quickstart:tlsKey (secret)   PEM certificate and key for that host
import * as pulumi from "@pulumi/pulumi";
import { ASMGateway, ClusterAttachment, GatewayRoute, GatewaySecret, ServiceMesh } from "asm-pulumi";

const cfg = new pulumi.Config("quickstart");
const domain = cfg.get("domain") ?? "shop.example.com";
const clusterIds = cfg.requireObject<string[]>("clusterIds");

const mesh = new ServiceMesh("mesh", {
  name: "quickstart",
  network: { vpcId: cfg.require("vpcId"), vSwitchIds: [cfg.require("vSwitchId")] },
  edition: "Pro",
  tracing: { enabled: true, sampling: 10 },
  accessLog: { enabled: true },
  tags: { team: "platform", env: "demo" },
});

// One attachment per cluster: detaching one never touches the others.
const attachments = clusterIds.map((clusterId, i) => new ClusterAttachment(`cluster-${i + 1}`, { meshId: mesh.id, clusterId }));

const gateway = new ASMGateway("ingress", {
  meshId: mesh.id,
  name: "ingressgateway",
  gatewayType: "ingress",
  // The attachments' outputs, not the plain ids: a re-created attachment then replaces the gateway with it.
  clusterIds: attachments.map((a) => a.clusterId),
  ports: [
    { name: "http", port: 80, targetPort: 80, protocol: "HTTP" },
    { name: "https", port: 443, targetPort: 443, protocol: "HTTPS" },
  ],
  serviceType: "LoadBalancer",
  replicaCount: 2,
});

const tls = new GatewaySecret("shop-tls", {
  meshId: mesh.id,
  gatewayName: gateway.name,
  namePrefix: "shop-tls",
  cert: cfg.require("tlsCert"),
  key: cfg.requireSecret("tlsKey"),
}, { deleteBeforeReplace: false });

const route = (name: string, args: Omit<ConstructorParameters<typeof GatewayRoute>[1], "meshId" | "gatewayName">) =>
  new GatewayRoute(name, { meshId: mesh.id, gatewayName: gateway.name, domains: [domain], namespace: "default", ...args });

route("storefront", {
  routeName: "storefront",
  priority: 10,
  match: { uri: { mode: "prefix", value: "/" } },
  destinations: [{ host: "storefront.default.svc.cluster.local", port: 8080 }],
});
route("cart", {
  routeName: "cart",
  priority: 5,
  match: { uri: { mode: "prefix", value: "/cart" } },
  destinations: [
    { host: "cart.default.svc.cluster.local", subset: "v1", port: 8080, weight: 90 },
    { host: "cart.default.svc.cluster.local", subset: "v2", port: 8080, weight: 10 },
  ],
  timeout: "5s",
  retries: { attempts: 3, perTryTimeout: "2s", retryOn: "5xx,connect-failure" },
});
route("legacy-redirect", {
  routeName: "legacy-redirect",
  priority: 1,
  match: { uri: { mode: "exact", value: "/shop" } },
  redirect: { uri: "/", code: 301 },
});

export const meshId = mesh.id;
export const meshState = mesh.state;
export const meshVersion = mesh.version;
export const clusters = attachments.map((a) => a.clusterName);
export const gatewayId = gateway.id;
export const tlsSecret = tls.secretName;
export const tlsExpires = tls.expiredTime;
export const kubeconfig = mesh.kubeconfig;
