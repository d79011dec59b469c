// GatewaySecret: the resource class a program constructs. It loads only the shim, the description and the
// id format; the lifecycle runs in the provider process (lifecycle.ts).
import type * as pulumi from "@pulumi/pulumi";
import { AsmResource, type ArgsOf } from "../../framework/resourceClass";
import { gatewaySecretFields, SECRET_OUTPUTS } from "./description";
import { parseSecretId } from "./wire";
import type { ClusterResult } from "./wire";

export type GatewaySecretArgs = ArgsOf<typeof gatewaySecretFields>;

/** A TLS secret on an ASM gateway. id = <meshId>:<gatewayName>:<secretName>. cert and key are always stored as secrets. */
export class GatewaySecret extends AsmResource {
  /**
   * The secret's name, generated when namePrefix is used. Derived from the id, which stays known
   * unless the secret is replaced, so a reference to it previews as a change only on rotation.
   */
  public readonly secretName = this.id.apply((id) => parseSecretId(id).secretName);
  /** normal | abnormal, as DescribeGatewaySecretDetails reports it. */
  declare readonly state: pulumi.Output<string>;
  declare readonly sni: pulumi.Output<string>;
  declare readonly issueTime: pulumi.Output<string>;
  declare readonly expiredTime: pulumi.Output<string>;
  /** The declared leaf certificate's notAfter (ISO 8601). */
  declare readonly certNotAfter: pulumi.Output<string>;
  /** Per-cluster results of the create: [{clusterId, state, message}]. */
  declare readonly clusters: pulumi.Output<ClusterResult[]>;

  constructor(name: string, args: GatewaySecretArgs, opts?: pulumi.CustomResourceOptions) {
    super("GatewaySecret", name, args, opts, { fields: gatewaySecretFields, outputs: SECRET_OUTPUTS });
  }
}
