// What the package does inside the user's Pulumi program (never in the provider process), once per
// program run, the first time one of its resources is constructed:
//
// 1. Refuse credentials set as plain-text stack config. The engine hands a dynamic provider the WHOLE
//    stack config as its configuration and records it in the state as the default provider's inputs
//    (pkg/resource/deploy/target.go GetPackageConfig): secret config is stored encrypted, plain-text
//    config as written. A plain `alicloud:accessKey` therefore lands in the state backend in clear, and
//    only the program can tell a secret from a plain value (the provider process receives both decrypted).
//
// 2. Keep secret outputs out of the SDK's debug log. @pulumi/pulumi logs every RegisterResource and
//    ReadResource response at debug level (`RegisterResource RPC finished: …, resp: ${response}`), and
//    the engine writes that line to `-v=9` logs and `--debug` output. The response carries the plain
//    text of secret outputs (a mesh kubeconfig with its bearer token) inside Pulumi's secret marker, so
//    the line showed them in clear. The responses' text form is only ever used for that log line, so it
//    is replaced by one that prints "[secret]" for every secret-marked value (of any resource in the
//    program: the SDK's log line is shared).
import * as pulumi from "@pulumi/pulumi";

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

// pulumi/sdk/nodejs/runtime/rpc.ts: specialSigKey and specialSecretSig.
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** A copy of a Struct's JavaScript value with the plain text of every secret marker replaced. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  if (obj[SIG_KEY] === SECRET_SIG) return { [SIG_KEY]: SECRET_SIG, value: "[secret]" };
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, redactSecrets(v)]));
}

interface StructLike {
  toJavaScript(): unknown;
}
interface StructClass {
  fromJavaScript(value: unknown): StructLike;
}
interface ResponseMessage {
  cloneMessage(): ResponseMessage;
  toString(): string;
  [accessor: string]: unknown;
}

/** Makes `Message.prototype.toString` print the message with its Struct field (get/set `field`) redacted. */
function redactToString(messageClass: { prototype: ResponseMessage } | undefined, field: string): void {
  const proto = messageClass?.prototype;
  if (!proto || Object.prototype.hasOwnProperty.call(proto, "toString")) return;
  const original = proto.toString;
  const get = `get${field}`;
  const set = `set${field}`;
  Object.defineProperty(proto, "toString", {
    configurable: true,
    writable: true,
    value: function (this: ResponseMessage): string {
      const struct = (this[get] as (() => StructLike | undefined) | undefined)?.call(this);
      if (!struct) return original.call(this);
      const copy = this.cloneMessage();
      const structClass = struct.constructor as unknown as StructClass;
      (copy[set] as (s: StructLike) => void).call(copy, structClass.fromJavaScript(redactSecrets(struct.toJavaScript())));
      return original.call(copy);
    },
  });
}

function redactSdkDebugLog(): void {
  // The SDK's generated messages have no typings of their own to import from here; the module is the
  // one the SDK's runtime/resource.js requires, so the change reaches exactly the responses it logs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const resourcePb = require("@pulumi/pulumi/proto/resource_pb") as Record<string, { prototype: ResponseMessage } | undefined>;
  redactToString(resourcePb.RegisterResourceResponse, "Object");
  redactToString(resourcePb.ReadResourceResponse, "Properties");
}

let outcome: { error?: Error } | undefined;

/** Called by every resource constructor (through providerShim); does its work once per program run. */
export function onResourceConstructed(): void {
  if (!outcome) {
    outcome = {};
    redactSdkDebugLog();
    const plain = plaintextCredentialKeys((k) => pulumi.runtime.getConfig(k), secretProbe());
    // RunError: the CLI prints the message alone, without a stack trace of the user's program.
    if (plain.length > 0) outcome.error = new pulumi.RunError(plaintextCredentialMessage(plain));
  }
  if (outcome.error) throw outcome.error;
}
