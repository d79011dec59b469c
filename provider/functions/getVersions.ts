// getVersions: the Istio versions ASM offers a new mesh, per edition, as DescribeVersions reports them.
import { f, type FieldSpecs, type FunctionDescription } from "../schema";

export const getVersionsInputs = {
  edition: f.string({ description: "Only the versions of this edition, such as Default or Pro; an edition the API does not report is an error." }),
} satisfies FieldSpecs;

export const getVersionsOutputs = {
  editions: f.list(
    f.object({
      edition: f.string({ description: "The edition: Default (Standard Edition) or Pro (Professional Edition).", readBack: "Edition", required: true }),
      versions: f.stringList({ description: "The Istio versions a new mesh of the edition can have (istioVersion of a ServiceMesh), as the API orders them.", readBack: "Versions" }),
    }, { description: "The versions of one edition." }),
    { description: "Each edition with its versions.", readBack: "VersionInfo", required: true },
  ),
} satisfies FieldSpecs;

export const getVersionsDescription: FunctionDescription = {
  name: "getVersions",
  summary: "The Istio versions Alibaba Cloud Service Mesh offers a new mesh, per edition (DescribeVersions).",
  action: "DescribeVersions",
  inputs: getVersionsInputs,
  outputs: getVersionsOutputs,
  filters: { list: "editions", by: { edition: { item: "edition", mustExist: true } } },
};
