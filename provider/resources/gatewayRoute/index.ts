// GatewayRoute: the resource class a program constructs. It loads only the shim and the id format; the
// lifecycle runs in the provider process (lifecycle.ts).
import * as pulumi from "@pulumi/pulumi";
import type { Timeouts } from "../../framework/timeouts";
import { ownerInput } from "../../framework/ownerKey";
import { providerShim } from "../../shim";
import { parseRouteId } from "./wire";
import type { RouteArgsBody } from "./wire";

type Inputs<T> = { [K in keyof T]: pulumi.Input<T[K]> };

export type GatewayRouteArgs = Inputs<RouteArgsBody> & {
  meshId: pulumi.Input<string>;
  /** The ASMGateway name (IstioGatewayName). */
  gatewayName: pulumi.Input<string>;
  /** Smaller is matched first. Default 0. */
  priority?: pulumi.Input<number>;
  /** 0 = valid (default), 1 = invalid. */
  status?: pulumi.Input<number>;
  description?: pulumi.Input<string>;
  /** Take over an existing route of this name instead of creating one. */
  adopt?: pulumi.Input<boolean>;
  timeouts?: pulumi.Input<Timeouts>;
};

/** A route on an ASM gateway. id = <meshId>:<gatewayName>:<routeName>. */
export class GatewayRoute extends pulumi.dynamic.Resource {
  /** Derived from the id, which stays known while the route is updated in place. */
  public readonly routeName: pulumi.Output<string>;
  declare readonly priority: pulumi.Output<number>;
  declare readonly status: pulumi.Output<number>;

  constructor(name: string, args: GatewayRouteArgs, opts?: pulumi.CustomResourceOptions) {
    super(providerShim("GatewayRoute"), name, { ...args, ...ownerInput("GatewayRoute", name, opts) }, opts, "asm", "GatewayRoute");
    this.routeName = this.id.apply((id) => parseRouteId(id).routeName);
  }
}
