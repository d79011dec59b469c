// Declares one resource per entry of the stack config `bad:cases` ([{id, kind, inputs}]), with the
// inputs exactly as given. The bad-input preview test (tests/reliability/badInputPreview.test.ts)
// selects cases from its catalogue this way, so the program never changes between steps.
import * as pulumi from "@pulumi/pulumi";
import {
  ASMGateway, type ASMGatewayArgs, ClusterAttachment, type ClusterAttachmentArgs, GatewayRoute, type GatewayRouteArgs,
  GatewaySecret, type GatewaySecretArgs, ServiceMesh, type ServiceMeshArgs,
} from "asm-pulumi";

interface Declared {
  id: string;
  kind: "ServiceMesh" | "ClusterAttachment" | "ASMGateway" | "GatewaySecret" | "GatewayRoute";
  inputs: Record<string, unknown>;
}

// The inputs are deliberately invalid, so they cannot have the argument types: the casts below are
// the point of this program (a JavaScript user, or config-driven code, can pass anything).
const declare: Record<Declared["kind"], (name: string, inputs: unknown) => pulumi.CustomResource> = {
  ServiceMesh: (name, inputs) => new ServiceMesh(name, inputs as ServiceMeshArgs),
  ClusterAttachment: (name, inputs) => new ClusterAttachment(name, inputs as ClusterAttachmentArgs),
  ASMGateway: (name, inputs) => new ASMGateway(name, inputs as ASMGatewayArgs),
  GatewaySecret: (name, inputs) => new GatewaySecret(name, inputs as GatewaySecretArgs),
  GatewayRoute: (name, inputs) => new GatewayRoute(name, inputs as GatewayRouteArgs),
};

const cases = new pulumi.Config("bad").requireObject<Declared[]>("cases");
export const declared = cases.map((c) => declare[c.kind](c.id, c.inputs).urn);
