// The plugin's configuration: the `asm:*` keys of the package schema (configKeys.ts), as the engine hands
// them to CheckConfig and Configure, mapped onto the stack keys provider/config.ts reads. The engine gives a
// plugin only its own package's config, so a credential is `asm:accessKey` here where the dynamic
// provider reads `alicloud:accessKey`.
import { CONFIG_KEYS } from "../configKeys";
import type { CheckFailure } from "../schema";
import { isSecretMarker, unwrapProps } from "./marshal";

type KeyName = keyof typeof CONFIG_KEYS;

const NAMES = Object.keys(CONFIG_KEYS) as KeyName[];
const CREDENTIALS: readonly KeyName[] = ["accessKey", "secretKey", "securityToken"];

/** The key as the user sets it: `pulumi config set --secret asm:accessKey`. */
export const pluginKey = (name: string): string => `asm:${name}`;

const text = (v: unknown): string | undefined => {
  if (v === undefined || v === null) return undefined;
  return typeof v === "string" ? v : JSON.stringify(v);
};

const isSet = (v: unknown): boolean => (text(v) ?? "").trim() !== "";

/** What the configuration lacks or has in excess, as CheckConfig failures naming the `asm:*` key. */
export function checkConfig(news: Record<string, unknown>): CheckFailure[] {
  const { props } = unwrapProps(news);
  const failures: CheckFailure[] = [];
  for (const key of Object.keys(props)) {
    if (key !== "version" && !(NAMES as string[]).includes(key)) {
      failures.push({ property: key, reason: `${pluginKey(key)} is not a configuration key of this provider; known: ${NAMES.map(pluginKey).join(", ")}` });
    }
  }
  const hasId = isSet(props.accessKey);
  const hasSecret = isSet(props.secretKey);
  if (hasId !== hasSecret) {
    const missing = hasId ? "secretKey" : "accessKey";
    const given = hasId ? "accessKey" : "secretKey";
    failures.push({ property: missing, reason: `${pluginKey(missing)} is not set while ${pluginKey(given)} is: set both (pulumi config set --secret ${pluginKey(missing)} <value>), or neither to use the default credential chain` });
  }
  return failures;
}

/**
 * Credentials given as plain text. Configure receives secret config marked (the engine keeps secrets for
 * Configure); a plain-text key would be recorded in clear as the provider's inputs in the state.
 */
export function plaintextCredentials(args: Record<string, unknown>): string[] {
  return CREDENTIALS.filter((k) => isSet(args[k]) && !isSecretMarker(args[k])).map(pluginKey);
}

/** A getter over stack keys (provider/config.ts setStackConfig) from the plugin's `asm:*` configuration. */
export function stackConfigGetter(args: Record<string, unknown>): (stackKey: string) => string | undefined {
  const { props } = unwrapProps(args);
  const byStackKey = new Map<string, string>();
  for (const name of NAMES) {
    const value = text(props[name]);
    if (value !== undefined) byStackKey.set(CONFIG_KEYS[name].stackKey, value);
  }
  return (key) => byStackKey.get(key);
}

/** The `variables` form (`asm:config:<key>`) as args, for an engine that sends no args. */
export function argsFromVariables(variables: ReadonlyMap<string, string> | Iterable<[string, string]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of variables) {
    const m = /^asm:config:(.+)$/.exec(k);
    if (m) out[m[1]] = v;
  }
  return out;
}

/**
 * An implementation's message in the plugin's words: the implementations name the dynamic provider's stack
 * keys (`alicloud:accessKey`), which a user of the plugin sets as `asm:accessKey`.
 */
export function inPluginKeys(message: string): string {
  let out = message;
  for (const name of NAMES) {
    const stackKey = CONFIG_KEYS[name].stackKey;
    if (stackKey !== pluginKey(name)) out = out.split(stackKey).join(pluginKey(name));
  }
  return out;
}
