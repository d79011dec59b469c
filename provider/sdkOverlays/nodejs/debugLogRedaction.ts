// Keeps secret outputs out of @pulumi/pulumi's debug log, in every TypeScript program that loads this file:
// programs on the dynamic classes (provider/programSide.ts imports it) and programs on the generated Node.js
// SDK (scripts/sdkgen copies this folder into it, and the SDK's index re-exports it, which loads it).
//
// The SDK logs every RegisterResource and ReadResource response at debug level (`RegisterResource RPC
// finished: …, resp: ${response}`); the engine writes that line to `-v=9` logs and `--debug` output and
// streams it as a debug event in `pulumi up --json`. The response carries the plain text of secret outputs
// (a mesh kubeconfig with its bearer token) inside Pulumi's secret marker, so the line showed them in clear.
// The responses' text form is only ever used for that log line, so it is replaced by one that prints
// "[secret]" for every secret-marked value (of any resource in the program: the SDK's log line is shared).
//
// This file is part of the generated SDK as it is: it may import nothing but @pulumi/pulumi and Node.js, it
// exports nothing (the SDK's public surface stays the schema's), and installing twice changes nothing.

// pulumi/sdk/nodejs/runtime/rpc.ts: specialSigKey and specialSecretSig.
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

function redactSecrets(value: unknown): unknown {
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

// The SDK's generated messages have no typings of their own to import from here; the module is the one the
// SDK's runtime/resource.js requires, so the change reaches exactly the responses it logs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const resourcePb = require("@pulumi/pulumi/proto/resource_pb") as Record<string, { prototype: ResponseMessage } | undefined>;
redactToString(resourcePb.RegisterResourceResponse, "Object");
redactToString(resourcePb.ReadResourceResponse, "Properties");

export {};
