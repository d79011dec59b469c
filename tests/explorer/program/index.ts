// The change-path explorer's one program: every resource comes from the JSON model in stack config
// (explorer:model, see ../model.ts), so a program edit is a config change. Certificates come from
// secret config (explorer:certA/keyA, certB/keyB); an adopted mesh's id from explorer:adoptMeshId.
import * as pulumi from "@pulumi/pulumi";
import { ASMGateway, ClusterAttachment, GatewayRoute, GatewaySecret, ServiceMesh } from "asm-pulumi";
import type { Model } from "../model";
import { CLUSTERS, ISTIO_VERSIONS, MESH_RESOURCE_NAME, NETWORKS, PORTS, type ClusterRole } from "../world";

const cfg = new pulumi.Config("explorer");
const model = cfg.requireObject<Model>("model");

/** {"tracing.enabled": true} → { tracing: { enabled: true } } */
function nest(flags: Record<string, boolean>): Record<string, Record<string, boolean>> {
  const out: Record<string, Record<string, boolean>> = {};
  for (const [path, value] of Object.entries(flags)) {
    const [group, key] = path.split(".");
    out[group] = { ...out[group], [key]: value };
  }
  return out;
}

/** Keys with an undefined value would override the resource's own defaults (the mesh's name). */
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

if (model.mesh) {
  const m = model.mesh;
  const network = NETWORKS[m.network];
  const mesh = new ServiceMesh(MESH_RESOURCE_NAME, defined({
    name: m.name,
    edition: m.edition,
    regionId: m.regionId,
    network: { vpcId: network.vpcId, vSwitchIds: [...network.vSwitchIds] },
    istioVersion: m.istioVersion === undefined ? undefined : ISTIO_VERSIONS[m.istioVersion],
    tags: Object.keys(m.tags).length > 0 ? m.tags : undefined,
    adoptId: m.adopted ? cfg.require("adoptMeshId") : undefined,
    ...nest(m.flags),
  }));
  const attachments = new Map<ClusterRole, ClusterAttachment>();
  for (const [role, a] of Object.entries(model.attachments) as [ClusterRole, NonNullable<Model["attachments"][ClusterRole]>][]) {
    attachments.set(role, new ClusterAttachment(`att-${role}`, defined({
      meshId: mesh.meshId, clusterId: CLUSTERS[role].clusterId, discoveryOnly: a.discoveryOnly, adopt: a.adopt,
    })));
  }
  const gateways = new Map<string, ASMGateway>();
  for (const [name, g] of Object.entries(model.gateways)) {
    gateways.set(name, new ASMGateway(name, defined({
      meshId: mesh.meshId,
      name,
      // From the attachments' outputs (the documented form): a re-created attachment then replaces the gateway too.
      clusterIds: g.clusters.map((r) => attachments.get(r)!.clusterId),
      ports: g.ports.map((p) => ({ ...PORTS[p] })),
      replicaCount: g.replicaCount,
      serviceType: g.serviceType,
      adopt: g.adopt,
    })));
  }
  for (const [secretName, s] of Object.entries(model.secrets)) {
    const id = s.cert === "a" ? "A" : "B";
    new GatewaySecret(secretName, {
      meshId: mesh.meshId, gatewayName: gateways.get(s.gateway)!.name, secretName,
      cert: cfg.requireSecret(`cert${id}`), key: cfg.requireSecret(`key${id}`),
    });
  }
  for (const [key, r] of Object.entries(model.routes)) {
    new GatewayRoute(`rt-${key}`, {
      meshId: mesh.meshId,
      gatewayName: gateways.get(r.gateway)!.name,
      routeName: r.name,
      priority: r.priority,
      domains: [`${key}.example.com`],
      match: { uri: { mode: "prefix", value: `/${key}` } },
      destinations: [
        { host: `${key}.default.svc.cluster.local`, subset: "v1", port: 9080, weight: 100 - r.canary },
        { host: `${key}.default.svc.cluster.local`, subset: "v2", port: 9080, weight: r.canary },
      ],
    });
  }
}
