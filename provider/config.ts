// Provider configuration: credentials, region and endpoint.
// Sources, first match wins (DESIGN.md "Pulumi facts"):
//   credentials: alicloud:accessKey/secretKey[/securityToken] → @alicloud/credentials default chain
//                (ALIBABA_CLOUD_* env, profiles, ...) → ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY env
//   region:      alicloud:region → ALIBABA_CLOUD_REGION_ID → ALICLOUD_REGION
//   extra regions accepted beyond ASM's list (api/regions.ts): ASM_EXTRA_REGIONS env + asm:extraRegions
//   endpoint:    ASM_ENDPOINT env → asm:endpoint → servicemesh.aliyuncs.com
//   protocol:    ASM_PROTOCOL env → asm:protocol → HTTPS (the emulator needs HTTP)
//   wait scale:  ASM_WAIT_SCALE env (tests and benches only: multiplies every poll and retry delay)
// The stack config arrives through configure(req) and is kept in this module-level holder, inside
// the provider process only: nothing here is ever part of the serialized provider or of state.

export type ConfigGetter = (key: string) => string | undefined;

let stackConfig: ConfigGetter | undefined;

/** Called from the provider's configure(req). */
export function setStackConfig(get: ConfigGetter | undefined): void {
  stackConfig = get;
}

export interface StaticKeys {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export interface ProviderSettings {
  endpoint: string;
  protocol: "HTTP" | "HTTPS";
  regionId: string | undefined;
  /** Undefined means: use the default chain, then the ALICLOUD_* env names. */
  keys: StaticKeys | undefined;
  waitScale: number;
  /** Progress lines while waiting (asm:progress / ASM_PROGRESS, "on" by default). */
  progress: boolean;
}

type Env = Record<string, string | undefined>;

const nonEmpty = (v: string | undefined): string | undefined => (v && v.trim() !== "" ? v.trim() : undefined);

function parseProtocol(raw: string): "HTTP" | "HTTPS" {
  const p = raw.toUpperCase();
  if (p !== "HTTP" && p !== "HTTPS") throw new Error(`asm:protocol / ASM_PROTOCOL: "${raw}" is not allowed; use HTTP or HTTPS`);
  return p;
}

function parseScale(raw: string | undefined): number {
  if (raw === undefined) return 1;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`ASM_WAIT_SCALE: "${raw}" is not allowed; use a number > 0 (e.g. 0.01)`);
  return n;
}

function parseSwitch(name: string, raw: string | undefined): boolean {
  if (raw === undefined) return true;
  const v = raw.toLowerCase();
  if (v === "on" || v === "true") return true;
  if (v === "off" || v === "false") return false;
  throw new Error(`${name}: "${raw}" is not allowed; use on or off`);
}

function configKeys(get: ConfigGetter): StaticKeys | undefined {
  const accessKeyId = nonEmpty(get("alicloud:accessKey"));
  const accessKeySecret = nonEmpty(get("alicloud:secretKey"));
  if (!accessKeyId || !accessKeySecret) return undefined;
  return { accessKeyId, accessKeySecret, securityToken: nonEmpty(get("alicloud:securityToken")) };
}

export function resolveSettings(env: Env = process.env, get: ConfigGetter = stackConfig ?? (() => undefined)): ProviderSettings {
  return {
    endpoint: nonEmpty(env.ASM_ENDPOINT) ?? nonEmpty(get("asm:endpoint")) ?? "servicemesh.aliyuncs.com",
    protocol: parseProtocol(nonEmpty(env.ASM_PROTOCOL) ?? nonEmpty(get("asm:protocol")) ?? "HTTPS"),
    regionId: defaultRegion(env, get),
    keys: configKeys(get),
    waitScale: parseScale(nonEmpty(env.ASM_WAIT_SCALE)),
    progress: parseSwitch("asm:progress / ASM_PROGRESS", nonEmpty(env.ASM_PROGRESS) ?? nonEmpty(get("asm:progress"))),
  };
}

/** The region a mesh without regionId is created in, and the config key or variable it came from. */
export function defaultRegionSource(env: Env = process.env, get: ConfigGetter = stackConfig ?? (() => undefined)): { regionId: string; source: string } | undefined {
  const sources: Array<[string, string | undefined]> = [
    ["alicloud:region", get("alicloud:region")], ["ALIBABA_CLOUD_REGION_ID", env.ALIBABA_CLOUD_REGION_ID], ["ALICLOUD_REGION", env.ALICLOUD_REGION],
  ];
  for (const [source, raw] of sources) {
    const regionId = nonEmpty(raw);
    if (regionId) return { regionId, source };
  }
  return undefined;
}

function defaultRegion(env: Env, get: ConfigGetter): string | undefined {
  return defaultRegionSource(env, get)?.regionId;
}

/** Regions the stack accepts beyond the ones ASM is known to serve (both lists, comma-separated). */
export function extraRegions(env: Env = process.env, get: ConfigGetter = stackConfig ?? (() => undefined)): string[] {
  return [env.ASM_EXTRA_REGIONS, get("asm:extraRegions")].flatMap((raw) => (raw ?? "").split(",")).map((r) => r.trim()).filter((r) => r !== "");
}

/** The ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY fallback, used only when the default chain finds nothing. */
export function legacyEnvKeys(env: Env = process.env): StaticKeys | undefined {
  const accessKeyId = nonEmpty(env.ALICLOUD_ACCESS_KEY);
  const accessKeySecret = nonEmpty(env.ALICLOUD_SECRET_KEY);
  if (!accessKeyId || !accessKeySecret) return undefined;
  return { accessKeyId, accessKeySecret, securityToken: nonEmpty(env.ALICLOUD_SECURITY_TOKEN) };
}
