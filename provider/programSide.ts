// What the package does inside the user's Pulumi program (the provider process has no use for either):
//
// 1. Once per program run, the first time one of its resources is constructed, refuse credentials set as plain-text stack config. The engine hands a dynamic provider the WHOLE
//    stack config as its configuration and records it in the state as the default provider's inputs
//    (pkg/resource/deploy/target.go GetPackageConfig): secret config is stored encrypted, plain-text
//    config as written. A plain `alicloud:accessKey` therefore lands in the state backend in clear, and
//    only the program can tell a secret from a plain value (the provider process receives both decrypted).
//
// 2. Keep secret outputs out of @pulumi/pulumi's debug log: sdkOverlays/nodejs/debugLogRedaction.ts, which
//    the generated Node.js SDK carries too, does that as this module loads.
import * as pulumi from "@pulumi/pulumi";
import "./sdkOverlays/nodejs/debugLogRedaction";

/** Stack config keys that hold credentials (the @pulumi/alicloud names; provider/config.ts reads them). */
export const CREDENTIAL_KEYS = ["alicloud:accessKey", "alicloud:secretKey", "alicloud:securityToken"] as const;

type SecretProbe = (key: string) => boolean;

/** The config keys that are set, not empty, and not secret. */
export function plaintextCredentialKeys(get: (key: string) => string | undefined, isSecret: SecretProbe): string[] {
  return CREDENTIAL_KEYS.filter((k) => (get(k) ?? "").trim() !== "" && !isSecret(k));
}

export function plaintextCredentialMessage(keys: string[]): string {
  const list = keys.join(" and ");
  const fix = keys.map((k) => `pulumi config set --secret ${k} <value>`).join("; ");
  return (
    `${list} ${keys.length === 1 ? "is" : "are"} set as plain-text stack config: Pulumi records the stack config in the ` +
    `state as the provider's configuration, so ${keys.length === 1 ? "it" : "they"} would be stored there in clear. ` +
    `Set ${keys.length === 1 ? "it" : "them"} as a secret (${fix}), or remove ${keys.length === 1 ? "it" : "them"} ` +
    `from the stack config and use ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET or another source ` +
    `of the credential chain (docs/configuration.md).`
  );
}

/** The SDK's own answer (the engine passes the secret keys to the program); its env variable otherwise. */
function secretProbe(): SecretProbe {
  const sdk = (pulumi.runtime as unknown as { isConfigSecret?: SecretProbe }).isConfigSecret;
  if (typeof sdk === "function") return (k) => sdk(k);
  const raw = process.env.PULUMI_CONFIG_SECRET_KEYS;
  const keys: unknown = raw ? JSON.parse(raw) : [];
  return (k) => Array.isArray(keys) && keys.includes(k);
}

let outcome: { error?: Error } | undefined;

/** Called by every resource constructor (through providerShim); does its work once per program run. */
export function onResourceConstructed(): void {
  if (!outcome) {
    outcome = {};
    const plain = plaintextCredentialKeys((k) => pulumi.runtime.getConfig(k), secretProbe());
    // RunError: the CLI prints the message alone, without a stack trace of the user's program.
    if (plain.length > 0) outcome.error = new pulumi.RunError(plaintextCredentialMessage(plain));
  }
  if (outcome.error) throw outcome.error;
}
