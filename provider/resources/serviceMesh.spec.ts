// ServiceMesh: the input spec (derived from MESH_PARAMS plus the fields with their own API calls)
// and the cross-field rules. Kept apart from the CRUD so check/diff load without the API client.
import { optionalMeshIdField, timeoutsField } from "../framework";
import { CheckFailure, f, FieldSpecs, getPath, isUnknown, Props, specsFromPaths } from "../schema";
import { MESH_PARAMS } from "./serviceMesh.params";


export const serviceMeshFields: FieldSpecs = {
  name: f.string({ pattern: /^[A-Za-z0-9\u4e00-\u9fa5][A-Za-z0-9_.\-\u4e00-\u9fa5]{0,63}$/, patternHint: "1-64 letters, digits, '_', '-' or '.', starting with a letter or digit" }),
  regionId: f.string({ createOnly: true, pattern: /^[a-z]{2}-[a-z0-9-]+$/, patternHint: "a region id such as cn-hangzhou" }),
  network: f.object(
    {
      vpcId: f.string({ required: true, createOnly: true, pattern: /^vpc-/, patternHint: "a VPC id (vpc-...)", hint: "the VPC id (vpc-...) the mesh runs in" }),
      vSwitchIds: f.stringList({ required: true, createOnly: true, minItems: 1, itemPattern: /^vsw-/, itemHint: "a vSwitch id (vsw-...)", hint: "the vSwitch ids (vsw-...) in that VPC" }),
    },
    { required: true, createOnly: true, hint: "{ vpcId, vSwitchIds }: the VPC and vSwitches the mesh runs in" },
  ),
  istioVersion: f.string({ pattern: /^v?\d+\.\d+/, patternHint: 'an ASM version such as "v1.22.6.71-g7d67a80b-aliyun"' }),
  upgradeGateways: f.bool(),
  tags: f.stringMap({ maxEntries: 20, keyPattern: /^(?!aliyun|acs:).{1,128}$/, keyHint: "1-128 characters, not starting with aliyun or acs:" }),
  timeouts: timeoutsField,
  adoptId: optionalMeshIdField,
  ...specsFromPaths(MESH_PARAMS.map((p) => [p.path, { ...p.field, createOnly: p.mode === "create" }] as const)),
};

export const SERVICE_MESH_OUTPUTS = ["meshId", "state", "version", "errorMessage", "endpoints", "clusters", "kubeconfig"] as const;

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

export function validateServiceMesh(inputs: Props): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const r of RULES) {
    const trigger = getPath(inputs, r.when);
    const need = getPath(inputs, r.needs);
    if (!trigger || isUnknown(trigger) || isUnknown(need)) continue;
    const ok = r.equals === undefined ? need !== undefined : need === r.equals;
    if (!ok) failures.push({ property: r.needs, reason: r.reason });
  }
  return failures;
}
