// Program side of the ownership marks (framework/ownership.ts): the `__owner` input a resource class
// passes, its own URN as the engine will compute it (project, stack, parent type chain, type, name).
// Aliases are not followed: the key only matters while a create is in flight, when the program that
// started it and the one that finishes it declare the same resource.
import * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "../shim";
import { OWNER_INPUT } from "./ownership";

export function ownerInput(kind: ResourceKind, name: string, opts: pulumi.CustomResourceOptions | undefined): Record<string, pulumi.Output<string>> {
  return { [OWNER_INPUT]: pulumi.createUrn(name, `pulumi-nodejs:dynamic/asm:${kind}`, opts?.parent) };
}
