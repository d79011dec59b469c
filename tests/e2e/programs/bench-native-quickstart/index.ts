// examples/quickstart/index.ts through the native plugin: the same resources, inputs, options and dependencies,
// registered by type token (asm:index:*) instead of through the dynamic classes, so bench/nativePlugin.ts can
// time one stack against the other. The same quickstart:* config keys; the plugin reads the asm:* ones.
import * as pulumi from "@pulumi/pulumi";

/** A resource of the native plugin; `out` reads an input or output property the engine answered with. */
class Native extends pulumi.CustomResource {
  constructor(kind: string, name: string, args: pulumi.Inputs, outputs: string[], opts?: pulumi.CustomResourceOptions) {
    // Outputs are registered as undefined inputs so the engine's answer fills them in.
    super(`asm:index:${kind}`, name, { ...Object.fromEntries(outputs.map((o) => [o, undefined])), ...args }, opts);
  }

  out(property: string): pulumi.Output<unknown> {
    // The SDK sets one Output per registered property on the object; the class declares none of them.
    return (this as unknown as Record<string, pulumi.Output<unknown>>)[property];
  }
}

const cfg = new pulumi.Config("quickstart");
const domain = cfg.get("domain") ?? "shop.example.com";
const clusterIds = cfg.requireObject<string[]>("clusterIds");

const mesh = new Native("ServiceMesh", "mesh", {
  name: "quickstart",
  network: { vpcId: cfg.require("vpcId"), vSwitchIds: [cfg.require("vSwitchId")] },
  edition: "Pro",
  tracing: { enabled: true, sampling: 10 },
  accessLog: { enabled: true },
  tags: { team: "platform", env: "demo" },
}, ["state", "version", "kubeconfig"]);

const attachments = clusterIds.map((clusterId, i) =>
  new Native("ClusterAttachment", `cluster-${i + 1}`, { meshId: mesh.id, clusterId }, ["clusterName"]));

const gateway = new Native("ASMGateway", "ingress", {
  meshId: mesh.id,
  name: "ingressgateway",
  gatewayType: "ingress",
  clusterIds: attachments.map((a) => a.out("clusterId")),
  ports: [
    { name: "http", port: 80, targetPort: 80, protocol: "HTTP" },
    { name: "https", port: 443, targetPort: 443, protocol: "HTTPS" },
  ],
  serviceType: "LoadBalancer",
  replicaCount: 2,
}, []);

const tls = new Native("GatewaySecret", "shop-tls", {
  meshId: mesh.id,
  gatewayName: gateway.out("name"),
  namePrefix: "shop-tls",
  cert: cfg.require("tlsCert"),
  key: cfg.requireSecret("tlsKey"),
}, ["secretName", "expiredTime"], { deleteBeforeReplace: false });

const route = (name: string, args: pulumi.Inputs) =>
  new Native("GatewayRoute", name, { meshId: mesh.id, gatewayName: gateway.out("name"), domains: [domain], namespace: "default", ...args }, []);

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
export const meshState = mesh.out("state");
export const meshVersion = mesh.out("version");
export const clusters = attachments.map((a) => a.out("clusterName"));
export const gatewayId = gateway.id;
export const tlsSecret = tls.out("secretName");
export const tlsExpires = tls.out("expiredTime");
export const kubeconfig = mesh.out("kubeconfig");
