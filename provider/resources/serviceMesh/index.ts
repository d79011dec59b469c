// ServiceMesh: one ASM instance.
// Lifecycle (DescribeServiceMeshDetail → ServiceMeshInfo.State):
//   CreateServiceMesh → initial → running (ready); changes pass through updating/upgrading → running;
//   any state → failed (terminal: fail fast with ErrorMessage); DeleteServiceMesh → deleting → NotFound.
// Ready means State == "running". Name, feature flags, version and tags update in place
// (ModifyServiceMeshName, UpdateMeshFeature, UpgradeMeshEditionPartially, Tag/UntagResources);
// every mode:"create" row of params.ts plus network and regionId replaces the mesh.
// Delete refuses at once when clusters this stack does not manage are still attached.
// Adoption: `adoptId` takes over an existing mesh (pulumi import cannot work for dynamic resources).
import type * as pulumi from "@pulumi/pulumi";
import { AsmResource, type ArgsOf } from "../../framework/resourceClass";
import { DEFAULT_NAME_INPUT, SERVICE_MESH_OUTPUTS, serviceMeshFields } from "./description";

export type ServiceMeshArgs = ArgsOf<typeof serviceMeshFields>;

/** One ASM instance. id = the ServiceMeshId. */
export class ServiceMesh extends AsmResource {
  // A computed output would turn unknown during every in-place update preview (dynamic providers
  // return no preview outputs); the id never does.
  /**
   * The ServiceMeshId; the same value as `id`. Both stay known while the mesh is updated in place, so
   * resources that take it (ClusterAttachment, gateways) preview as unchanged rather than replaced.
   */
  public readonly meshId: pulumi.Output<string> = this.id;
  declare public readonly state: pulumi.Output<string>;
  declare public readonly version: pulumi.Output<string | undefined>;
  declare public readonly errorMessage: pulumi.Output<string | undefined>;
  declare public readonly endpoints: pulumi.Output<Record<string, string>>;
  declare public readonly clusters: pulumi.Output<string[]>;
  /** Secret: the mesh control plane's kubeconfig. */
  declare public readonly kubeconfig: pulumi.Output<string | undefined>;

  constructor(name: string, args: ServiceMeshArgs, opts?: pulumi.CustomResourceOptions) {
    // The resource name is only the default name, marked as such: check drops it for an adopted mesh, which
    // keeps its own name, also once adoptId is removed (withDefaultName).
    const naming = "name" in args ? {} : { name, [DEFAULT_NAME_INPUT]: true };
    // No input shares the kubeconfig output's name, so the engine must be told it is secret.
    super("ServiceMesh", name, args, opts, { fields: serviceMeshFields, outputs: SERVICE_MESH_OUTPUTS, secretOutputs: ["kubeconfig"] }, naming);
  }
}
