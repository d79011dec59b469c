// Certificate rotation without downtime. The GatewaySecret takes a namePrefix instead of a fixed name: each
// certificate gets its own secret name (prefix + generated suffix), so Pulumi creates the new secret before it
// deletes the old one, and the gateway always has a valid certificate. To rotate:
//
//   pulumi config set rotation:tlsCert -- "$(cat new.crt)"
//   pulumi config set --secret rotation:tlsKey -- "$(cat new.key)"
//   pulumi up        # + new secret, then - old secret; the route keeps serving throughout
//
// Stack config: asm:/alicloud: keys as in the quickstart, plus rotation:meshId (an existing mesh, adopted
// by id: the mesh itself is managed elsewhere), rotation:clusterIds (JSON list), rotation:host,
// rotation:tlsCert and rotation:tlsKey (secret).
import * as pulumi from "@pulumi/pulumi";
import { ASMGateway, GatewayRoute, GatewaySecret } from "asm-pulumi";

const cfg = new pulumi.Config("rotation");
const meshId = cfg.require("meshId");
const host = cfg.get("host") ?? "secure.example.com";

const gateway = new ASMGateway("ingress", {
  meshId,
  name: "tls-ingress",
  clusterIds: cfg.requireObject<string[]>("clusterIds"),
  ports: [{ name: "https", port: 443, targetPort: 443, protocol: "HTTPS" }],
});

const tls = new GatewaySecret("tls", {
  meshId,
  gatewayName: gateway.name,
  namePrefix: "secure-tls",
  cert: cfg.require("tlsCert"),
  key: cfg.requireSecret("tlsKey"),
});

new GatewayRoute("web", {
  meshId,
  gatewayName: gateway.name,
  routeName: "secure-web",
  domains: [host],
  match: { uri: { mode: "prefix", value: "/" } },
  destinations: [{ host: "web.default.svc.cluster.local", port: 8443 }],
});

export const secretName = tls.secretName;
export const expires = tls.expiredTime;
