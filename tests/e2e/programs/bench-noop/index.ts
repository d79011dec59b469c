// The engine's own cost for the quickstart's shape: the same eight resources with the same
// dependencies (mesh → two attachments → gateway → secret and three routes), but each create
// returns at once. bench/quickstart.ts times `pulumi up` of this program as the no-op baseline.
import * as pulumi from "@pulumi/pulumi";

const instant: pulumi.dynamic.ResourceProvider = {
  async create(inputs: Record<string, unknown>) {
    return { id: `${String(inputs.kind)}-${String(inputs.name)}`, outs: inputs };
  },
};

class Noop extends pulumi.dynamic.Resource {
  constructor(name: string, props: Record<string, pulumi.Input<unknown>>, opts?: pulumi.CustomResourceOptions) {
    super(instant, name, { kind: "noop", name, ...props }, opts);
  }
}

const mesh = new Noop("mesh", { network: { vpcId: "vpc", vSwitchIds: ["vsw"] } });
const attachments = ["c0", "c1"].map((clusterId, i) => new Noop(`cluster-${i}`, { meshId: mesh.id, clusterId }));
const gateway = new Noop("ingress", { meshId: mesh.id, clusterIds: attachments.map((a) => a.id) });
new Noop("tls", { meshId: mesh.id, gatewayName: gateway.id });
for (const service of ["productpage", "reviews", "ratings"]) new Noop(service, { meshId: mesh.id, gatewayName: gateway.id });

export const meshId = mesh.id;
