// ClusterAttachment: the resource class a program constructs. It loads only the shim; the lifecycle
// runs in the provider process (lifecycle.ts).
import * as pulumi from "@pulumi/pulumi";
import type { Timeouts } from "../../framework/timeouts";
import { ownerInput } from "../../framework/ownerKey";
import { providerShim } from "../../shim";
import { CLUSTER_ATTACHMENT_OUTPUTS } from "./description";

export interface ClusterAttachmentArgs {
  meshId: pulumi.Input<string>;
  clusterId: pulumi.Input<string>;
  /** Skip the check for an existing istio-system namespace (migrations). */
  ignoreNamespaceCheck?: pulumi.Input<boolean>;
  /** Attach for service discovery only. Create-only. */
  discoveryOnly?: pulumi.Input<boolean>;
  /** The cluster's kubeconfig, for clusters ASM cannot reach by id. Create-only; pass it as a secret. */
  kubeconfig?: pulumi.Input<string>;
  /** Keep the istio-system namespace when the cluster is removed. */
  reserveNamespace?: pulumi.Input<boolean>;
  /** Take over the attachment if the cluster is already attached. */
  adopt?: pulumi.Input<boolean>;
  /** Deadlines such as "10m" (defaults: 10m each). */
  timeouts?: pulumi.Input<Timeouts>;
}

export class ClusterAttachment extends pulumi.dynamic.Resource {
  declare public readonly meshId: pulumi.Output<string>;
  declare public readonly clusterId: pulumi.Output<string>;
  declare public readonly clusterName: pulumi.Output<string | undefined>;
  declare public readonly clusterState: pulumi.Output<string | undefined>;
  declare public readonly clusterType: pulumi.Output<string | undefined>;

  constructor(name: string, args: ClusterAttachmentArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = Object.fromEntries(CLUSTER_ATTACHMENT_OUTPUTS.map((k) => [k, undefined]));
    const secrets = { additionalSecretOutputs: ["kubeconfig"] };
    const kubeconfig = args.kubeconfig === undefined ? undefined : pulumi.secret(args.kubeconfig);
    const owner = ownerInput("ClusterAttachment", name, opts);
    super(providerShim("ClusterAttachment"), name, { ...args, kubeconfig, ...outputs, ...owner }, pulumi.mergeOptions(opts, secrets), "asm", "ClusterAttachment");
  }
}
