// ClusterAttachment: the resource class a program constructs. It loads only the shim and the description;
// the lifecycle runs in the provider process (lifecycle.ts).
import type * as pulumi from "@pulumi/pulumi";
import { AsmResource, type ArgsOf } from "../../framework/resourceClass";
import { CLUSTER_ATTACHMENT_OUTPUTS, clusterAttachmentFields } from "./description";

export type ClusterAttachmentArgs = ArgsOf<typeof clusterAttachmentFields>;

/** An ACK cluster attached to a mesh. id = <meshId>:<clusterId>. A kubeconfig is always stored as a secret. */
export class ClusterAttachment extends AsmResource {
  declare public readonly meshId: pulumi.Output<string>;
  declare public readonly clusterId: pulumi.Output<string>;
  declare public readonly clusterName: pulumi.Output<string | undefined>;
  declare public readonly clusterState: pulumi.Output<string | undefined>;
  declare public readonly clusterType: pulumi.Output<string | undefined>;

  constructor(name: string, args: ClusterAttachmentArgs, opts?: pulumi.CustomResourceOptions) {
    super("ClusterAttachment", name, args, opts, { fields: clusterAttachmentFields, outputs: CLUSTER_ATTACHMENT_OUTPUTS });
  }
}
