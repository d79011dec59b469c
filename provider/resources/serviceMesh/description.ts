// ServiceMesh: the input spec (derived from MESH_PARAMS plus the fields with their own API calls)
// and the cross-field rules. The resource class loads it in the program, so it never imports the API client.
import { regionProblem } from "../../api/regions";
import { defaultRegionSource, extraRegions } from "../../config";
import { optionalMeshIdField } from "../../framework/meshId";
import { timeoutsField } from "../../framework/timeouts";
import { CheckFailure, f, FieldSpecs, getPath, isUnknown, Props, ResourceDescription, specsFromPaths } from "../../schema";
import { MESH_GROUPS, MESH_PARAMS, RETIRED_MESH_PARAMS, type RetiredMeshParam } from "./params";

export const serviceMeshFields = {
  name: f.string({ description: "The mesh's name, 1-64 characters; defaults to the Pulumi resource name (an adopted mesh keeps its own).", wire: "Name", readBack: "ServiceMeshInfo.Name", pattern: /^[A-Za-z0-9\u4e00-\u9fa5][A-Za-z0-9_.\-\u4e00-\u9fa5]{0,63}$/, patternHint: "1-64 letters, digits, '_', '-' or '.', starting with a letter or digit" }),
  // Sent by the create request itself, as the region the mesh is created in (the default region when unset).
  regionId: f.string({ description: "The ID of the region the Service Mesh instance runs in, such as cn-hangzhou; defaults to the provider's configured region.", readBack: "ServiceMeshInfo.RegionId", createOnly: true, computed: true, pattern: /^[a-z]{2}-[a-z0-9-]+$/, patternHint: "a region id such as cn-hangzhou" }),
  network: f.object(
    {
      // Compared with the live network by networkMismatches, which ignores the vSwitches' order.
      vpcId: f.string({ description: "The ID of the virtual private cloud (VPC) the mesh runs in (vpc-...).", wire: "VpcId", readBack: false, required: true, createOnly: true, pattern: /^vpc-/, patternHint: "a VPC id (vpc-...)", hint: "the VPC id (vpc-...) the mesh runs in" }),
      // Sent as a JSON string (toCreateRequest).
      vSwitchIds: f.stringList({ description: "The IDs of the vSwitches (vsw-...) in that VPC that the mesh uses, at least one.", readBack: false, required: true, createOnly: true, minItems: 1, itemPattern: /^vsw-/, itemHint: "a vSwitch id (vsw-...)", hint: "the vSwitch ids (vsw-...) in that VPC" }),
    },
    { description: "The VPC and vSwitches the mesh runs in.", required: true, createOnly: true, hint: "{ vpcId, vSwitchIds }: the VPC and vSwitches the mesh runs in" },
  ),
  istioVersion: f.string({ description: "The Istio version of the ASM instance, such as v1.22.6.71-g7d67a80b-aliyun.", wire: "IstioVersion", readBack: "ServiceMeshInfo.Version", pattern: /^v?\d+\.\d+/, patternHint: 'an ASM version such as "v1.22.6.71-g7d67a80b-aliyun"' }),
  upgradeGateways: f.bool({ description: "Whether to also upgrade the mesh's ingress gateways when the mesh version is upgraded." }),
  // A mesh carries at most 20 tags; one is the provider's ownership tag (asm-pulumi:owner, owned.ts).
  // Sent and read through the tag calls (ListTagResources, TagResources), not the mesh's own.
  tags: f.stringMap({ readBack: false, description: "The tags to add to the Service Mesh instance as key-value pairs, at most 19, with keys not starting with aliyun, acs: or asm-pulumi:.", maxEntries: 19, keyPattern: /^(?!aliyun|acs:|asm-pulumi:).{1,128}$/, keyHint: "1-128 characters, not starting with aliyun, acs: or asm-pulumi: (the provider's own)" }),
  timeouts: { ...timeoutsField, description: "How long the provider waits for create, update and delete, as durations such as 90s, 15m or 1h30m (defaults 15m, 15m and 20m)." },
  adoptId: { ...optionalMeshIdField, createTimeOnly: true, description: "The ID of an existing Service Mesh instance to take over instead of creating a new one." },
  ...specsFromPaths(MESH_PARAMS, MESH_GROUPS),
} satisfies FieldSpecs;

export const SERVICE_MESH_OUTPUTS = ["meshId", "state", "version", "errorMessage", "endpoints", "clusters", "kubeconfig"] as const;

/** The outputs as the package schema publishes them; `required`: every state holds it. */
export const serviceMeshOutputFields = {
  meshId: f.string({ description: "The ServiceMeshId, the same value as the resource's id.", required: true }),
  state: f.string({ description: "The mesh's state as DescribeServiceMeshDetail reports it: running once ready, failed after a failed create." }),
  version: f.string({ description: "The mesh's Istio version as the API reports it." }),
  errorMessage: f.string({ description: "Why the mesh failed, while its state is failed." }),
  endpoints: f.stringMap({ description: "The control plane's endpoints the mesh has, by name: intranetApiServer, publicApiServer, intranetPilot and publicPilot." }),
  clusters: f.stringList({ description: "The ids of the clusters attached to the mesh, managed by this stack or not." }),
  kubeconfig: f.string({ description: "The kubeconfig of the mesh's control plane.", secret: true }),
} satisfies FieldSpecs;

/** Internal input marking a `name` the resource class defaulted to the Pulumi resource name. */
export const DEFAULT_NAME_INPUT = "__defaultName";

const inState = (olds: Props) => Object.keys(olds).some((k) => !k.startsWith("__"));

/**
 * `news` without a defaulted name where it does not apply: when adopting (the mesh keeps its live name),
 * and for a mesh in state whose recorded inputs carry no name, i.e. one adopted without a name (its live
 * name is an adopted value, schema/adopted.ts), so removing adoptId later does not rename it either.
 */
export function withDefaultName(olds: Props | undefined, news: Props): Props {
  const { [DEFAULT_NAME_INPUT]: defaulted, ...rest } = news;
  if (defaulted === undefined) return rest;
  const prior = olds ?? {};
  if (rest.adoptId === undefined && (!inState(prior) || prior.name !== undefined)) return rest;
  const { name: _default, ...unnamed } = rest;
  return unnamed;
}

type Rule = { when: string; needs: string; equals?: unknown; reason: string };

// Each rule: when `when` is set (truthy), `needs` must be set (or equal `equals`).
const RULES: readonly Rule[] = [
  { when: "kiali.enabled", needs: "prometheus.enabled", equals: true, reason: "Kiali needs Prometheus; set prometheus.enabled: true or turn kiali off" },
  { when: "prometheus.url", needs: "prometheus.external", equals: true, reason: "an external Prometheus URL needs prometheus.external: true" },
  { when: "billing.period", needs: "billing.chargeType", equals: "PrePay", reason: 'a billing period applies only with billing.chargeType: "PrePay"' },
  { when: "billing.autoRenewPeriod", needs: "billing.autoRenew", equals: true, reason: "an auto-renew period needs billing.autoRenew: true" },
  { when: "ca.useExisting", needs: "ca.cert", reason: "using an existing CA needs ca.cert (base64 PEM)" },
  { when: "ca.useExisting", needs: "ca.key", reason: "using an existing CA needs ca.key (base64 PEM, pass it as a secret)" },
];

/**
 * The region the mesh would be created in must be one ASM serves: the declared regionId, or else the
 * stack's default region. An adopted mesh without regionId keeps its own region, so the default is not
 * checked then (a declared one still is: adoption compares it with the live one).
 */
function regionFailures(inputs: Props): CheckFailure[] {
  const declared = inputs.regionId;
  if (isUnknown(declared)) return [];
  const given = typeof declared === "string" ? { regionId: declared, source: undefined } : inputs.adoptId === undefined ? defaultRegionSource() : undefined;
  const reason = given && regionProblem(given.regionId, extraRegions(), given.source);
  return reason ? [{ property: "regionId", reason }] : [];
}

export function validateServiceMesh(inputs: Props): CheckFailure[] {
  const failures: CheckFailure[] = regionFailures(inputs);
  for (const r of RULES) {
    const trigger = getPath(inputs, r.when);
    const need = getPath(inputs, r.needs);
    if (!trigger || isUnknown(trigger) || isUnknown(need)) continue;
    const ok = r.equals === undefined ? need !== undefined : need === r.equals;
    if (!ok) failures.push({ property: r.needs, reason: r.reason });
  }
  return failures;
}

const retiredMessage = (p: RetiredMeshParam): string =>
  `${p.path} has no effect and is not sent: the ASM API has no ${p.apiName} parameter. Remove it from the program.`;

/** A warning for each retired input the program sets: it is accepted but does nothing (params.ts). */
export function retiredInputWarnings(inputs: Props): string[] {
  return RETIRED_MESH_PARAMS.filter((p) => getPath(inputs, p.path) !== undefined).map(retiredMessage);
}

/** The retired inputs, for the package schema's deprecation messages: the same words as the warnings. */
export const RETIRED_INPUTS: Readonly<Record<string, string>> = Object.fromEntries(RETIRED_MESH_PARAMS.map((p) => [p.path, retiredMessage(p)]));

/** Marks a mesh whose create failed (recorded in state by the lifecycle). */
export const MESH_CREATE_FAILED = "createFailed";

export const serviceMeshDescription: ResourceDescription = {
  kind: "ServiceMesh", fields: serviceMeshFields, outputs: SERVICE_MESH_OUTPUTS,
  summary: "One Alibaba Cloud Service Mesh (ASM) instance: its network, edition, version, feature settings and tags. The id is the ServiceMeshId.",
  outputFields: serviceMeshOutputFields,
  deprecatedInputs: RETIRED_INPUTS,
  prepare: (news, olds) => withDefaultName(olds, news),
  validate: (inputs) => ({ failures: validateServiceMesh(inputs), warnings: retiredInputWarnings(inputs) }),
  // A mesh that failed while being created cannot be repaired in place (Terraform would call it tainted).
  replaceWhen: (olds) => (olds[MESH_CREATE_FAILED] === true ? "state" : undefined),
  // A cluster belongs to one mesh at a time and leaves it only once no gateway runs on it, so a replacement
  // mesh can take the clusters only after the old one has let them go. Delete-before-replace makes the engine
  // delete the old mesh's routes, secrets, gateways and attachments (every one takes meshId, a create-only
  // input) before the old mesh, and create everything afterwards. Create-before-delete would fail at the first
  // detach (the gateway still runs there) and leave one more mesh behind on every retry.
  deleteBeforeReplace: () => true,
};
