// GatewayRoute: the resource class a program constructs. It loads only the shim, the description and the
// id format; the lifecycle runs in the provider process (lifecycle.ts).
import type * as pulumi from "@pulumi/pulumi";
import { AsmResource, type ArgsOf } from "../../framework/resourceClass";
import { gatewayRouteFields } from "./description";
import { parseRouteId } from "./wire";

export type GatewayRouteArgs = ArgsOf<typeof gatewayRouteFields>;

/** A route on an ASM gateway. id = <meshId>:<gatewayName>:<routeName>. */
export class GatewayRoute extends AsmResource {
  /** Derived from the id, which stays known while the route is updated in place. */
  public readonly routeName = this.id.apply((id) => parseRouteId(id).routeName);
  declare readonly priority: pulumi.Output<number>;
  declare readonly status: pulumi.Output<number>;

  constructor(name: string, args: GatewayRouteArgs, opts?: pulumi.CustomResourceOptions) {
    super("GatewayRoute", name, args, opts, { fields: gatewayRouteFields, outputs: [] });
  }
}
