// The resource classes' argument types are derived from the kinds' field tables (framework/resourceClass.ts
// ArgsOf), and the classes register what the tables say is secret. The type half is checked when this
// file compiles (npm test type-checks tests/); the descriptions the Pulumi schema and docs take are checked here.
import * as pulumi from "@pulumi/pulumi";
import type { ASMGatewayArgs, ClusterAttachmentArgs, GatewayRouteArgs, GatewaySecretArgs, ServiceMeshArgs } from "../../provider";
import { secretInputs } from "../../provider/framework/resourceClass";
import { asmGatewayFields } from "../../provider/resources/asmGateway/description";
import { clusterAttachmentFields } from "../../provider/resources/clusterAttachment/description";
import { gatewayRouteFields } from "../../provider/resources/gatewayRoute/description";
import { gatewaySecretFields } from "../../provider/resources/gatewaySecret/description";
import { serviceMeshFields } from "../../provider/resources/serviceMesh/description";
import type { Field, FieldSpecs } from "../../provider/schema";

const meshId = pulumi.output("c0123456789abcdef0123456789abcdef");

// Inputs at every depth: outputs of other resources inside groups and lists.
const mesh: ServiceMeshArgs = {
  network: { vpcId: pulumi.output("vpc-a"), vSwitchIds: [pulumi.output("vsw-a")] },
  edition: "Pro",
  tracing: { enabled: true, sampling: pulumi.output(10) },
  ca: pulumi.output({ useExisting: true, cert: "c", key: "k" }),
  tags: { team: pulumi.output("payments") },
};
const gateway: ASMGatewayArgs = { meshId, name: "ingressgateway", clusterIds: [pulumi.output("c1")], ports: [{ name: "https", port: pulumi.output(443) }] };
const route: GatewayRouteArgs = { meshId, gatewayName: "ingressgateway", routeName: "web", destinations: [{ host: "web.default.svc.cluster.local", weight: 100 }] };
const secret: GatewaySecretArgs = { meshId, gatewayName: "ingressgateway", namePrefix: "tls", cert: pulumi.secret("c"), key: pulumi.secret("k") };
const attachment: ClusterAttachmentArgs = { meshId, clusterId: "c1" };

// @ts-expect-error network is required
const noNetwork: ServiceMeshArgs = { edition: "Pro" };
// @ts-expect-error edition is Default or Pro
const badEdition: ServiceMeshArgs = { network: mesh.network, edition: "Enterprise" };
// @ts-expect-error a group takes only its own fields
const badGroup: ServiceMeshArgs = { network: mesh.network, tracing: { enable: true } };
// @ts-expect-error clusterIds is required
const noClusters: ASMGatewayArgs = { meshId, name: "ingressgateway" };
// @ts-expect-error a destination's weight is a number
const badWeight: GatewayRouteArgs = { meshId, gatewayName: "g", routeName: "r", destinations: [{ host: "h", weight: "100" }] };
// @ts-expect-error cert is required
const noCert: GatewaySecretArgs = { meshId, gatewayName: "g", secretName: "s", key: "k" };
// @ts-expect-error an unknown input
const unknownInput: ClusterAttachmentArgs = { meshId, clusterId: "c1", namespace: "x" };

const KINDS: Record<string, FieldSpecs> = {
  ServiceMesh: serviceMeshFields, ClusterAttachment: clusterAttachmentFields, ASMGateway: asmGatewayFields,
  GatewaySecret: gatewaySecretFields, GatewayRoute: gatewayRouteFields,
};

/** "path: what is wrong" for every field, at any depth, without a one-sentence description. */
function undescribed(specs: FieldSpecs, prefix = ""): string[] {
  return Object.entries(specs).flatMap(([name, field]) => {
    const path = `${prefix}${name}`;
    const own = field.description === undefined ? [`${path}: no description`]
      : !/^[A-Z].*\.$/.test(field.description) ? [`${path}: "${field.description}" is not a sentence`] : [];
    const inner = (f: Field): string[] => (f.kind === "object" ? undescribed(f.fields, `${path}.`) : f.kind === "list" ? inner(f.item) : []);
    return [...own, ...inner(field)];
  });
}

describe("resource argument types and descriptions", () => {
  it("take inputs at every depth and refuse what the field tables refuse (checked when this file compiles)", () => {
    expect([mesh, gateway, route, secret, attachment].every((a) => typeof a === "object")).toBe(true);
    expect([noNetwork, badEdition, badGroup, noClusters, badWeight, noCert, unknownInput]).toHaveLength(7);
  });

  it.each(Object.keys(KINDS))("every %s field, at every depth, has a one-sentence description", (kind) => {
    expect(undescribed(KINDS[kind])).toEqual([]);
  });

  it("registers as secret exactly the inputs that hold secret material", () => {
    expect(Object.fromEntries(Object.entries(KINDS).map(([k, fields]) => [k, secretInputs(fields)]))).toEqual({
      ServiceMesh: ["ca"], ClusterAttachment: ["kubeconfig"], ASMGateway: [], GatewaySecret: ["cert", "key"], GatewayRoute: [],
    });
  });
});
