// ServiceMesh: pure translation between the Pulumi inputs (grouped camelCase) and the wire (flat
// PascalCase). Each field carries its wire name and read-back path (params.ts, description.ts), so the
// create request and what refresh reads are the schema engine's toWire and fromWire; what stays here is
// what a path cannot say: the vSwitch list travels as a JSON string, tags come from their own calls, and
// the update calls (UpdateMeshFeature, UpdateControlPlaneLogConfig) take the rows' modes.
// Unit-tested in tests/unit/serviceMeshMapping.test.ts.
import type { CreateServiceMeshRequest, ServiceMeshDetail, TagWire } from "../../api";
import { PROVIDER_TAG_PREFIX } from "../../framework/ownership";
import { fromWire, getPath, isPlainObject, Props, toWire, withLiveValues } from "../../schema";
import { serviceMeshFields } from "./description";
import { isSent, MESH_PARAMS, SentMeshParam } from "./params";

type Wire = Record<string, string | number | boolean | undefined>;

export function toTagWire(tags: unknown): TagWire[] | undefined {
  if (!isPlainObject(tags)) return undefined;
  const list = Object.entries(tags).map(([Key, Value]) => ({ Key, Value: String(Value) }));
  return list.length > 0 ? list : undefined;
}

/** `ownerTag`: the ownership mark (owned.ts), sent with the user's tags but never one of them. */
export function toCreateRequest(inputs: Props, regionId: string, ownerTag: Record<string, string> = {}): CreateServiceMeshRequest {
  return {
    ...(toWire(serviceMeshFields, inputs) as Wire),
    RegionId: regionId,
    VSwitches: JSON.stringify(getPath(inputs, "network.vSwitchIds") ?? []),
    Tag: toTagWire({ ...(isPlainObject(inputs.tags) ? inputs.tags : {}), ...ownerTag }),
  } as CreateServiceMeshRequest;
}

/**
 * An update call's parameters for `rows`, under each row's update name. A removed boolean is sent as
 * false (the API default) so removing a flag turns the feature off; other removed values keep their live
 * setting, since the API has no "unset".
 */
function updateParams(rows: readonly SentMeshParam[], news: Props): Wire {
  const req: Wire = {};
  for (const p of rows) {
    const wire = p.updateWire ?? p.field.wire;
    const v = getPath(news, p.path);
    if (v !== undefined && v !== null) req[wire] = v as string | number | boolean;
    else if (p.field.kind === "bool") req[wire] = false;
  }
  return req;
}

/** UpdateMeshFeature parameters for the feature fields among `changed` paths. */
export function toFeatureRequest(news: Props, changed: readonly string[]): Wire {
  return updateParams(MESH_PARAMS.filter(isSent).filter((p) => p.mode === "feature" && changed.includes(p.path)), news);
}

/**
 * UpdateControlPlaneLogConfig's request when a control-plane-log input changed, else undefined. The call
 * sets the whole configuration, so it carries every declared value, not only the changed one.
 */
export function toControlPlaneLogRequest(news: Props, changed: readonly string[]): { Enabled: boolean; Project?: string } | undefined {
  const rows = MESH_PARAMS.filter(isSent).filter((p) => p.mode === "controlPlaneLog");
  if (!rows.some((p) => changed.includes(p.path))) return undefined;
  return updateParams(rows, news) as { Enabled: boolean; Project?: string };
}

/** Keys the cloud reserves for its own tags; users cannot set them, so they never count as drift. */
const SYSTEM_TAG = /^(aliyun|acs:)/i;

/** ListTagResources rows as a tags map, without the cloud's own tags and the provider's ownership mark. */
export function userTags(rows: ReadonlyArray<{ TagKey: string; TagValue?: string }>): Record<string, string> {
  return Object.fromEntries(rows.filter((r) => !SYSTEM_TAG.test(r.TagKey) && !r.TagKey.startsWith(PROVIDER_TAG_PREFIX)).map((r) => [r.TagKey, r.TagValue ?? ""]));
}

/**
 * The inputs as the live mesh shows them: each declared input the API reports is replaced by the
 * live value, so refresh surfaces out-of-band changes and a refresh without drift changes nothing.
 * Inputs the program never set are left unset (no invented diffs). `liveTags` (from ListTagResources)
 * replaces the declared tags; tags added out of band to a mesh declared without any show up too, so
 * the next `up` removes them.
 */
export function liveInputs(inputs: Props, mesh: ServiceMeshDetail, liveTags: Record<string, string>): Props {
  // The detail carries no tags (the SDK's model has none): they come from ListTagResources or a list row.
  const out = withLiveValues(serviceMeshFields, inputs, fromWire(serviceMeshFields, mesh as unknown as Props));
  if (inputs.tags !== undefined || Object.keys(liveTags).length > 0) out.tags = liveTags;
  return out;
}

/**
 * Every input the live mesh reports, whether the program declares it or not: what adoption takes for the
 * inputs the program leaves unset, and compares the declared create-only ones with.
 */
export function liveSettings(mesh: ServiceMeshDetail, liveTags: Record<string, string>): Props {
  const out = fromWire(serviceMeshFields, mesh as unknown as Props);
  return Object.keys(liveTags).length > 0 ? { ...out, tags: liveTags } : out;
}

/** Create-only fields that differ between the declared network and the live mesh. */
export function networkMismatches(inputs: Props, mesh: ServiceMeshDetail): string[] {
  const live = mesh.Spec?.Network ?? {};
  const problems: string[] = [];
  const vpc = getPath(inputs, "network.vpcId");
  if (live.VpcId !== undefined && vpc !== live.VpcId) problems.push(`network.vpcId: declared ${vpc}, live ${live.VpcId}`);
  const declared = [...((getPath(inputs, "network.vSwitchIds") as string[] | undefined) ?? [])].sort();
  const actual = [...(live.VSwitches ?? [])].sort();
  if (live.VSwitches !== undefined && declared.join(",") !== actual.join(",")) {
    problems.push(`network.vSwitchIds: declared [${declared.join(", ")}], live [${actual.join(", ")}]`);
  }
  return problems;
}

export interface MeshOutputs {
  meshId: string;
  state: string;
  version: string | undefined;
  errorMessage: string | undefined;
  endpoints: Record<string, string>;
  clusters: string[];
  kubeconfig: string | undefined;
}

export function toOutputs(mesh: ServiceMeshDetail, kubeconfig: string | undefined): MeshOutputs {
  const e = mesh.Endpoints ?? {};
  const endpoints = Object.fromEntries(
    Object.entries({
      intranetApiServer: e.IntranetApiServerEndpoint,
      publicApiServer: e.PublicApiServerEndpoint,
      intranetPilot: e.IntranetPilotEndpoint,
      publicPilot: e.PublicPilotEndpoint,
    }).filter(([, v]) => typeof v === "string" && v !== ""),
  ) as Record<string, string>;
  return {
    meshId: mesh.ServiceMeshInfo.ServiceMeshId,
    state: mesh.ServiceMeshInfo.State ?? "unknown",
    version: mesh.ServiceMeshInfo.Version,
    errorMessage: mesh.ServiceMeshInfo.ErrorMessage || undefined,
    endpoints,
    clusters: [...(mesh.Clusters ?? [])],
    kubeconfig,
  };
}
