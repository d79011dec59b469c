// The shape a user writes from the docs: attachments take mesh.meshId, the gateway runs on the clusters the
// attachments report (a property dependency, not dependsOn), the secret and the route hang off the gateway.
// e2e:edition and e2e:vSwitchId are create-only fields of the mesh: changing either replaces it.
import * as pulumi from "@pulumi/pulumi";
import { ASMGateway, ClusterAttachment, GatewayRoute, GatewaySecret, ServiceMesh } from "asm-pulumi";

const cfg = new pulumi.Config("e2e");
const mesh = new ServiceMesh("mesh", {
  name: "e2e-replace",
  network: { vpcId: cfg.require("vpcId"), vSwitchIds: [cfg.require("vSwitchId")] },
  edition: cfg.get("edition") === "Default" ? "Default" : "Pro",
});
// e2e:discoveryOnly0 is a create-only field of the first attachment: changing it replaces that attachment alone.
const atts = cfg.requireObject<string[]>("clusterIds").map(
  (c, i) => new ClusterAttachment(`attach-${i}`, { meshId: mesh.meshId, clusterId: c, discoveryOnly: i === 0 && cfg.getBoolean("discoveryOnly0") === true }),
);
const gateway = new ASMGateway("ingress", {
  meshId: mesh.meshId,
  name: "ingressgateway",
  clusterIds: atts.map((a) => a.clusterId),
  ports: [{ name: "https", port: 443, targetPort: 443, protocol: "HTTPS" }],
});
new GatewaySecret("tls", { meshId: mesh.meshId, gatewayName: gateway.name, secretName: "replace-tls", cert: cfg.require("tlsCert"), key: cfg.requireSecret("tlsKey") });
new GatewayRoute("web", {
  meshId: mesh.meshId, gatewayName: gateway.name, routeName: "web", domains: ["replace.example.com"],
  match: { uri: { mode: "prefix", value: "/" } }, destinations: [{ host: "web.default.svc.cluster.local", port: 80 }],
});

export const meshId = mesh.meshId;
export const clusters = atts.map((a) => a.clusterId);
