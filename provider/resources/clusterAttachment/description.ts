// ClusterAttachment: the inputs, and how a replacement goes.
import { meshIdField } from "../../framework/meshId";
import { timeoutsField } from "../../framework/timeouts";
import { f, FieldSpecs, ResourceDescription } from "../../schema";

export const clusterAttachmentFields = {
  meshId: { ...meshIdField, description: "The id of the mesh to attach the cluster to." },
  clusterId: f.string({ description: "The id of the ACK cluster to attach.", required: true, createOnly: true, pattern: /^c[0-9a-z]+$/, patternHint: "an ACK cluster id (c...)", hint: "the ACK cluster id to attach" }),
  ignoreNamespaceCheck: f.bool({ description: "Skip the check for an existing istio-system namespace in the cluster (for migrations)." }),
  discoveryOnly: f.bool({ description: "Attach the cluster for service discovery only.", createOnly: true }),
  kubeconfig: f.string({ description: "The cluster's kubeconfig, for a cluster ASM cannot reach by its id.", createOnly: true, secret: true }),
  reserveNamespace: f.bool({ description: "Keep the istio-system namespace when the cluster is removed from the mesh." }),
  adopt: f.bool({ description: "Take over the attachment if the cluster is already attached to the mesh.", createTimeOnly: true }),
  timeouts: { ...timeoutsField, description: "Deadlines for create, update and delete, such as \"10m\"." },
} satisfies FieldSpecs;

export const CLUSTER_ATTACHMENT_OUTPUTS = ["clusterName", "clusterState", "clusterType"] as const;

/** The outputs as the package schema publishes them, from the mesh's list of its clusters. */
export const clusterAttachmentOutputFields = {
  clusterName: f.string({ description: "The cluster's name." }),
  clusterState: f.string({ description: "The cluster's state in the mesh as ASM reports it." }),
  clusterType: f.string({ description: "The cluster's type as ASM reports it, such as ManagedKubernetes." }),
} satisfies FieldSpecs;


export const clusterAttachmentDescription: ResourceDescription = {
  kind: "ClusterAttachment",
  fields: clusterAttachmentFields,
  outputs: CLUSTER_ATTACHMENT_OUTPUTS,
  summary: "One ACK cluster attached to one mesh. The id is `<meshId>:<clusterId>`.",
  outputFields: clusterAttachmentOutputFields,
  // A cluster belongs to one mesh at a time: a replacement (e.g. the mesh itself was replaced) must
  // detach from the old mesh before attaching to the new one.
  deleteBeforeReplace: () => true,
};
