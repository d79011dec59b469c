// ASMGateway: the resource class a program constructs. It loads only the shim and the id format; the
// lifecycle runs in the provider process (lifecycle.ts).
import * as pulumi from "@pulumi/pulumi";
import type { Timeouts } from "../../framework/timeouts";
import { ownerInput } from "../../framework/ownerKey";
import { providerShim } from "../../shim";
import type { GatewayPort, GatewaySpecArgs, JsonObject } from "./wire";
import { parseGatewayId } from "./wire";

export interface ASMGatewayArgs {
  meshId: pulumi.Input<string>;
  /** The IstioGateway name (IstioGatewayName), e.g. "ingressgateway". */
  name: pulumi.Input<string>;
  /** Defaults to istio-system. */
  namespace?: pulumi.Input<string>;
  gatewayType?: pulumi.Input<"ingress" | "egress">;
  clusterIds: pulumi.Input<pulumi.Input<string>[]>;
  ports?: pulumi.Input<pulumi.Input<GatewayPort>[]>;
  serviceType?: pulumi.Input<"LoadBalancer" | "ClusterIP" | "NodePort">;
  serviceAnnotations?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  replicaCount?: pulumi.Input<number>;
  minReplicas?: pulumi.Input<number>;
  maxReplicas?: pulumi.Input<number>;
  resources?: pulumi.Input<GatewaySpecArgs["resources"]>;
  /** Any other IstioGateway spec key, passed through as JSON. */
  extraSpec?: pulumi.Input<JsonObject>;
  /** Take over an existing gateway of this name instead of creating one. */
  adopt?: pulumi.Input<boolean>;
  timeouts?: pulumi.Input<Timeouts>;
}

/** An ASM ingress or egress gateway (IstioGateway custom resource). id = <meshId>:<namespace>:<name>. */
export class ASMGateway extends pulumi.dynamic.Resource {
  // Derived from the id rather than declared as computed outputs: a dynamic provider returns no
  // outputs while an in-place update is previewed, and an unknown gateway name would make every
  // GatewaySecret and GatewayRoute on it preview as replaced. The id stays known.
  public readonly meshId: pulumi.Output<string>;
  public readonly namespace: pulumi.Output<string>;
  /** The IstioGateway name: pass it as gatewayName to GatewaySecret and GatewayRoute. */
  public readonly name: pulumi.Output<string>;
  /** "<namespace>:<name>", the form DescribeServiceMeshUpgradeStatus takes. */
  public readonly fullName: pulumi.Output<string>;

  constructor(name: string, args: ASMGatewayArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerShim("ASMGateway"), name, { ...args, fullName: undefined, ...ownerInput("ASMGateway", name, opts) }, opts, "asm", "ASMGateway");
    const parts = this.id.apply(parseGatewayId);
    this.meshId = parts.apply((p) => p.meshId);
    this.namespace = parts.apply((p) => p.namespace);
    this.name = parts.apply((p) => p.name);
    this.fullName = parts.apply((p) => `${p.namespace}:${p.name}`);
  }
}
