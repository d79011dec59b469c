// ClusterAttachment: the inputs, and how a replacement goes.
import { meshIdField } from "../../framework/meshId";
import { timeoutsField } from "../../framework/timeouts";
import { f, FieldSpecs, ResourceDescription } from "../../schema";

export const clusterAttachmentFields = {
  meshId: meshIdField,
  clusterId: f.string({ required: true, createOnly: true, pattern: /^c[0-9a-z]+$/, patternHint: "an ACK cluster id (c...)", hint: "the ACK cluster id to attach" }),
  ignoreNamespaceCheck: f.bool(),
  discoveryOnly: f.bool({ createOnly: true }),
  kubeconfig: f.string({ createOnly: true, secret: true }),
  reserveNamespace: f.bool(),
  adopt: f.bool({ createTimeOnly: true }),
  timeouts: timeoutsField,
} satisfies FieldSpecs;

export const CLUSTER_ATTACHMENT_OUTPUTS = ["clusterName", "clusterState", "clusterType"] as const;


export const clusterAttachmentDescription: ResourceDescription = {
  kind: "ClusterAttachment",
  fields: clusterAttachmentFields,
  outputs: CLUSTER_ATTACHMENT_OUTPUTS,
  // A cluster belongs to one mesh at a time: a replacement (e.g. the mesh itself was replaced) must
  // detach from the old mesh before attaching to the new one.
  deleteBeforeReplace: () => true,
};
