// The package's functions for TypeScript programs that use the native plugin (pulumi-resource-asm): each
// in a plain form (a Promise) and an Output form, invoking asm:index:<name> through the engine, which
// runs it in the plugin. Argument and result types are the field tables' own (schema/fields.ts InputsOf),
// so they cannot drift from what the plugin checks and answers.
import * as pulumi from "@pulumi/pulumi";
import type { getServiceMeshesInputs, getServiceMeshesOutputs } from "../functions/getServiceMeshes";
import type { getVersionsInputs, getVersionsOutputs } from "../functions/getVersions";
import { functionToken } from "../packageSchema";
import type { InputsOf } from "../schema";

/** Each argument of a plain-form call as an Input, for the Output form. */
export type OutputArgs<A> = { [K in keyof A]: pulumi.Input<A[K]> };

export type GetServiceMeshesArgs = InputsOf<typeof getServiceMeshesInputs>;
export type GetServiceMeshesOutputArgs = OutputArgs<GetServiceMeshesArgs>;
export type GetServiceMeshesResult = InputsOf<typeof getServiceMeshesOutputs>;
/** One mesh of the result. */
export type ServiceMeshSummary = GetServiceMeshesResult["meshes"][number];

export type GetVersionsArgs = InputsOf<typeof getVersionsInputs>;
export type GetVersionsOutputArgs = OutputArgs<GetVersionsArgs>;
export type GetVersionsResult = InputsOf<typeof getVersionsOutputs>;

/** The meshes in the provider's region, optionally only those of a name, an id or a state. */
export function getServiceMeshes(args: GetServiceMeshesArgs = {}, opts?: pulumi.InvokeOptions): Promise<GetServiceMeshesResult> {
  return pulumi.runtime.invoke(functionToken("getServiceMeshes"), args, opts) as Promise<GetServiceMeshesResult>;
}

/** getServiceMeshes with Input arguments (another resource's output, say), its result an Output. */
export function getServiceMeshesOutput(args: GetServiceMeshesOutputArgs = {}, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetServiceMeshesResult> {
  return pulumi.runtime.invokeOutput<GetServiceMeshesResult>(functionToken("getServiceMeshes"), args, opts);
}

/** The Istio versions ASM offers a new mesh, per edition; with `edition`, that edition's only. */
export function getVersions(args: GetVersionsArgs = {}, opts?: pulumi.InvokeOptions): Promise<GetVersionsResult> {
  return pulumi.runtime.invoke(functionToken("getVersions"), args, opts) as Promise<GetVersionsResult>;
}

/** getVersions with Input arguments, its result an Output. */
export function getVersionsOutput(args: GetVersionsOutputArgs = {}, opts?: pulumi.InvokeOutputOptions): pulumi.Output<GetVersionsResult> {
  return pulumi.runtime.invokeOutput<GetVersionsResult>(functionToken("getVersions"), args, opts);
}
