// Kiali, the mesh topology console: UpdateKialiConfiguration and DescribeKialiConfiguration. The SDK
// lacks both; their contract (../contract/outsideSdk/) comes from the Terraform provider, which calls
// them on every create, read and update of a mesh. Kiali on or off is the mesh's KialiEnabled option,
// the one CreateServiceMesh and UpdateMeshFeature set and DescribeServiceMeshDetail reports as
// Spec.MeshConfig.Kiali.Enabled, so the three actions and the detail never disagree. The other settings
// are kept with the mesh's options under the names in SETTING. What is modelled is in ../modelled.ts (KIALI).
import { createHash } from "node:crypto";
import * as E from "../errors/catalog";
import { KIALI, MeshState } from "../modelled";
import { beginMeshPhase } from "../state/meshLifecycle";
import type { MeshView, OptionValue } from "../state/records";
import { mutableMesh, operationsOf, readMesh, type OpContext } from "./context";
import type { Params } from "./params";

const AUTH_STRATEGIES = ["token", "openid", "ramoauth"] as const;
const WEB_SCHEMAS = ["http", "https"] as const;

/** Wire parameter → the mesh option it is kept as; Enabled is the mesh's own KialiEnabled. */
const SETTING = {
  Enabled: "KialiEnabled", AuthStrategy: "KialiAuthStrategy", CustomPrometheusUrl: "KialiCustomPrometheusUrl",
  IntegrateCLB: "KialiIntegrateCLB", KialiArmsAuthTokens: "KialiArmsAuthTokens", KialiServiceAnnotations: "KialiServiceAnnotations",
  OpenIdConfig: "KialiOpenIdConfig", RAMOAuthConfig: "KialiRAMOAuthConfig", ServerConfig: "KialiServerConfig",
} as const;
type Setting = keyof typeof SETTING;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === "string";

/** A field check of a sub-configuration: undefined when the value fits, else what it should be. */
type FieldRule = (v: unknown) => string | undefined;
const text: FieldRule = (v) => (isString(v) ? undefined : "a string");
const textList: FieldRule = (v) => (Array.isArray(v) && v.every(isString) ? undefined : "a list of strings");
const port: FieldRule = (v) => (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 65535 ? undefined : "an integer from 1 to 65535");
const schema: FieldRule = (v) => (WEB_SCHEMAS.includes(v as (typeof WEB_SCHEMAS)[number]) ? undefined : WEB_SCHEMAS.join(" or "));

/** The keys each JSON sub-configuration has (Terraform's open_id_config, ram_oauth_config, server_config). */
const SUB_CONFIGS: Record<"OpenIdConfig" | "RAMOAuthConfig" | "ServerConfig", Record<string, FieldRule>> = {
  OpenIdConfig: { ClientId: text, ClientSecret: text, IssuerUri: text, Scopes: textList },
  RAMOAuthConfig: { RedirectUris: text },
  ServerConfig: { WebFQDN: text, WebPort: port, WebRoot: text, WebSchema: schema },
};

/** A sub-configuration as sent, checked key by key; kept as its JSON text (mesh options are scalars). */
function readSubConfig(p: Params, name: keyof typeof SUB_CONFIGS): string | undefined {
  const v = p.json(name);
  if (v === undefined) return undefined;
  const rules = SUB_CONFIGS[name];
  const keys = Object.keys(rules).join(", ");
  if (!isObject(v)) throw E.invalidParameter(name, `expected a JSON object with any of ${keys}.`);
  for (const [key, value] of Object.entries(v)) {
    const rule = Object.hasOwn(rules, key) ? rules[key] : undefined;
    if (!rule) throw E.invalidParameter(name, `"${key}" is not one of its fields (${keys}).`);
    const problem = rule(value);
    if (problem) throw E.invalidParameter(name, `${key} must be ${problem}.`);
  }
  return JSON.stringify(v);
}

/**
 * A JSON object keyed by cluster (or mesh) id, as the Terraform provider's documentation describes
 * KialiArmsAuthTokens (id → token) and KialiServiceAnnotations (id → annotation map).
 */
function readIdMap(p: Params, name: "KialiArmsAuthTokens" | "KialiServiceAnnotations"): string | undefined {
  const v = p.json(name);
  if (v === undefined) return undefined;
  const valueFits = name === "KialiArmsAuthTokens" ? isString : (x: unknown) => isObject(x) && Object.values(x).every(isString);
  const expected = name === "KialiArmsAuthTokens" ? "a token" : "an object of annotation strings";
  if (!isObject(v) || !Object.values(v).every(valueFits)) {
    throw E.invalidParameter(name, `expected a JSON object from cluster id to ${expected}.`);
  }
  return JSON.stringify(v);
}

function readChanges(p: Params): Partial<Record<Setting, OptionValue>> {
  const changes: Partial<Record<Setting, OptionValue | undefined>> = {
    Enabled: p.bool("Enabled"),
    AuthStrategy: p.oneOf("AuthStrategy", AUTH_STRATEGIES),
    CustomPrometheusUrl: p.str("CustomPrometheusUrl"),
    IntegrateCLB: p.bool("IntegrateCLB"),
    KialiArmsAuthTokens: readIdMap(p, "KialiArmsAuthTokens"),
    KialiServiceAnnotations: readIdMap(p, "KialiServiceAnnotations"),
    OpenIdConfig: readSubConfig(p, "OpenIdConfig"),
    RAMOAuthConfig: readSubConfig(p, "RAMOAuthConfig"),
    ServerConfig: readSubConfig(p, "ServerConfig"),
  };
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Record<Setting, OptionValue>>;
}

function updateKialiConfiguration(ctx: OpContext, p: Params): Record<string, unknown> {
  const mesh = mutableMesh(ctx, p.reqStr("ServiceMeshId"));
  const changes = readChanges(p);
  // The same rule CreateServiceMesh and UpdateMeshFeature apply: Kiali reads the mesh's Prometheus metrics.
  if (changes.Enabled === true && mesh.options.Telemetry === false) {
    throw E.invalidParameter("Enabled", "Kiali needs Telemetry=true; turn it on with UpdateMeshFeature first.");
  }
  ctx.store.changeMesh(mesh, (m) => {
    for (const [name, value] of Object.entries(changes)) m.options[SETTING[name as Setting]] = value;
  });
  beginMeshPhase(ctx.store, mesh, MeshState.updating, "ServiceMesh:update");
  return {};
}

const setting = (m: MeshView, name: Setting): OptionValue | undefined => m.options[SETTING[name]];
const textSetting = (m: MeshView, name: Setting): string => {
  const v = setting(m, name);
  return typeof v === "string" ? v : "";
};
const subConfig = (m: MeshView, name: Setting): Json => {
  const v = setting(m, name);
  return typeof v === "string" ? (JSON.parse(v) as Json) : {};
};

/** A placeholder per attached cluster (nothing listens there, nothing accepts the token), as one JSON map. */
function perCluster(m: MeshView, value: (clusterId: string, index: number) => string): string {
  if (m.clusters.length === 0) return "";
  return JSON.stringify(Object.fromEntries(m.clusters.map((c, i) => [c, value(c, i)])));
}

/** Not a counted read of the mesh's lifecycle, like the other per-mesh describes (kubeconfig, versions). */
function describeKialiConfiguration(ctx: OpContext, p: Params): Record<string, unknown> {
  const m = readMesh(ctx, p.reqStr("ServiceMeshId"));
  const enabled = setting(m, "Enabled") === true;
  const integrateClb = setting(m, "IntegrateCLB") === true;
  const authStrategy = textSetting(m, "AuthStrategy") || KIALI.defaultAuthStrategy;
  const octet = parseInt(m.id.slice(1, 3), 16) % 250 + 2;
  return {
    Enabled: enabled,
    AuthStrategy: authStrategy,
    CustomPrometheusUrl: textSetting(m, "CustomPrometheusUrl"),
    IntegrateCLB: integrateClb,
    KialiArmsAuthTokens: textSetting(m, "KialiArmsAuthTokens"),
    KialiServiceAnnotations: textSetting(m, "KialiServiceAnnotations"),
    OpenIdConfig: subConfig(m, "OpenIdConfig"),
    RAMOAuthConfig: subConfig(m, "RAMOAuthConfig"),
    ServerConfig: subConfig(m, "ServerConfig"),
    UsePopulatedArmsPrometheus: false,
    AggregatedKialiAddress: "",
    DistributedKialiAddresses: enabled && integrateClb ? perCluster(m, (_, i) => `http://47.96.${10 + i}.${octet}:${KIALI.port}`) : "",
    DistributedKialiAccessTokens: enabled && authStrategy === "token"
      ? perCluster(m, (c) => `emu-kiali-${createHash("sha256").update(`${m.id}/${c}`).digest("hex").slice(0, 32)}`)
      : "",
    KialiIstioIngressAddress: "",
  };
}

export const kialiOperations = operationsOf("ServiceMesh", {
  UpdateKialiConfiguration: updateKialiConfiguration,
  DescribeKialiConfiguration: describeKialiConfiguration,
});
