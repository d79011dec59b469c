// ASMGateway: the resource class a program constructs. It loads only the shim, the description and the
// id format; the lifecycle runs in the provider process (lifecycle.ts).
import type * as pulumi from "@pulumi/pulumi";
import { AsmResource, type ArgsOf } from "../../framework/resourceClass";
import { asmGatewayFields, GATEWAY_OUTPUTS } from "./description";
import { parseGatewayId } from "./wire";

export type ASMGatewayArgs = ArgsOf<typeof asmGatewayFields>;

/** An ASM ingress or egress gateway (IstioGateway custom resource). id = <meshId>:<namespace>:<name>. */
export class ASMGateway extends AsmResource {
  // Derived from the id rather than declared as computed outputs: a dynamic provider returns no
  // outputs while an in-place update is previewed, and an unknown gateway name would make every
  // GatewaySecret and GatewayRoute on it preview as replaced. The id stays known.
  private readonly parts = this.id.apply(parseGatewayId);
  public readonly meshId = this.parts.apply((p) => p.meshId);
  public readonly namespace = this.parts.apply((p) => p.namespace);
  /** The IstioGateway name: pass it as gatewayName to GatewaySecret and GatewayRoute. */
  public readonly name = this.parts.apply((p) => p.name);
  /** "<namespace>:<name>", the form DescribeServiceMeshUpgradeStatus takes. */
  public readonly fullName = this.parts.apply((p) => `${p.namespace}:${p.name}`);

  constructor(name: string, args: ASMGatewayArgs, opts?: pulumi.CustomResourceOptions) {
    super("ASMGateway", name, args, opts, { fields: asmGatewayFields, outputs: GATEWAY_OUTPUTS });
  }
}
