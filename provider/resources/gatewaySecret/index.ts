// GatewaySecret: the resource class a program constructs. It loads only the shim and the id format; the
// lifecycle runs in the provider process (lifecycle.ts).
import * as pulumi from "@pulumi/pulumi";
import type { Timeouts } from "../../framework/timeouts";
import { ownerInput } from "../../framework/ownerKey";
import { providerShim } from "../../shim";
import { SECRET_OUTPUTS } from "./description";
import { parseSecretId } from "./wire";
import type { ClusterResult } from "./wire";

export interface GatewaySecretArgs {
  meshId: pulumi.Input<string>;
  /** The ASMGateway name (IstioGatewayName). */
  gatewayName: pulumi.Input<string>;
  /** A fixed name. Rotating the certificate then deletes the old secret before creating the new one. */
  secretName?: pulumi.Input<string>;
  /** Instead of secretName: "<prefix>-<8 hex>" derived from the resource and certificate (zero-downtime rotation). */
  namePrefix?: pulumi.Input<string>;
  /** PEM certificate, leaf first, then intermediates. Always stored as a secret. */
  cert: pulumi.Input<string>;
  /** PEM private key of the leaf certificate. Always stored as a secret. */
  key: pulumi.Input<string>;
  /** Take over an existing secret named secretName (its expiry must match cert). */
  adopt?: pulumi.Input<boolean>;
  timeouts?: pulumi.Input<Timeouts>;
}

/** A TLS secret on an ASM gateway. id = <meshId>:<gatewayName>:<secretName>. */
export class GatewaySecret extends pulumi.dynamic.Resource {
  /**
   * The secret's name, generated when namePrefix is used. Derived from the id, which stays known
   * unless the secret is replaced, so a reference to it previews as a change only on rotation.
   */
  public readonly secretName: pulumi.Output<string>;
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
    const outputs = Object.fromEntries(SECRET_OUTPUTS.map((k) => [k, undefined]));
    // Secret inputs keep cert and key encrypted in the state's inputs; additionalSecretOutputs
    // covers the outputs even when a caller passes them as plain strings.
    const props = { ...args, cert: pulumi.secret(args.cert), key: pulumi.secret(args.key), ...outputs, secretName: args.secretName };
    const secretOutputs = { additionalSecretOutputs: ["cert", "key"] };
    super(providerShim("GatewaySecret"), name, { ...props, ...ownerInput("GatewaySecret", name, opts) }, pulumi.mergeOptions(opts, secretOutputs), "asm", "GatewaySecret");
    this.secretName = this.id.apply((id) => parseSecretId(id).secretName);
  }
}
