// The plugin's log lines through the engine's Log RPC (pulumirpc.Engine, at the address the engine starts
// the plugin with), each attached to the URN of the request being served, so `pulumi up` shows a mesh's
// progress under the mesh. Without this, a line would go to the plugin's stdout, which the engine prints
// with no resource (sdk/go/common/resource/plugin/plugin.go). Progress lines are status lines (ephemeral:
// shown on the resource's row while it works, left out of the final diagnostics), as Pulumi's own
// providers send them; warnings and notes stay. Every secret of the request and of the provider's
// configuration is blanked out of a line before it leaves.
import { AsyncLocalStorage } from "node:async_hooks";
import { credentials } from "@grpc/grpc-js";
import { EngineClient } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { LogRequest, LogSeverity } from "@pulumi/pulumi/proto/engine_pb";
import type { Logger } from "../framework/progress";

/** What a log line written while serving one request is about: its resource and the secrets it carries. */
export interface RequestScope {
  urn: string;
  secrets: readonly string[];
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** Runs `work` with its log lines attached to `scope.urn` (every await inside it included). */
export function inRequestScope<T>(scope: RequestScope, work: () => Promise<T>): Promise<T> {
  return scopes.run(scope, work);
}

/** Shorter strings are not looked for in log lines: blanking every "a" would make the line unreadable, and such a value protects nothing. */
const MIN_SECRET_LENGTH = 4;

/** Every string at any depth of `value`: the texts a secret property carries. */
export function secretTexts(value: unknown): string[] {
  if (typeof value === "string") return value.length >= MIN_SECRET_LENGTH ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(secretTexts);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(secretTexts);
  return [];
}

const configured = new Set<string>();

/** The provider's secret configuration (credentials), blanked out of every line whatever the request. */
export function rememberConfiguredSecrets(texts: readonly string[]): void {
  configured.clear();
  for (const t of texts) if (t.length >= MIN_SECRET_LENGTH) configured.add(t);
}

export const REDACTED = "[secret]";

/** `message` with every known secret text replaced, the longest first so a secret containing another goes whole. */
export function redact(message: string, secrets: Iterable<string>): string {
  const all = [...new Set(secrets)].sort((a, b) => b.length - a.length);
  return all.reduce((text, s) => text.split(s).join(REDACTED), message);
}

type Send = (req: LogRequest) => Promise<void>;

/**
 * A Logger sending through `send`, in order: each line waits for the one before, so the display never
 * shows an older status after a newer one. A line the engine did not take goes to stderr, still redacted.
 */
export function engineLogger(send: Send): Logger {
  let last: Promise<void> = Promise.resolve();
  const log = (severity: LogSeverity, message: string, ephemeral: boolean) => {
    const scope = scopes.getStore();
    const text = redact(message, [...configured, ...(scope?.secrets ?? [])]);
    const req = new LogRequest();
    req.setSeverity(severity);
    req.setMessage(text);
    req.setUrn(scope?.urn ?? "");
    req.setEphemeral(ephemeral);
    last = last.then(() => send(req)).catch(() => {
      process.stderr.write(`${text}\n`);
    });
  };
  return {
    info: (m) => log(LogSeverity.INFO, m, false),
    warn: (m) => log(LogSeverity.WARNING, m, false),
    status: (m) => log(LogSeverity.INFO, m, true),
  };
}

/** A Logger over the engine's Log RPC at `address` (host:port). */
export function connectEngineLog(address: string): { logger: Logger; close(): void } {
  const client = new EngineClient(address, credentials.createInsecure());
  const send: Send = (req) => new Promise((resolve, reject) => client.log(req, (err) => (err ? reject(err) : resolve())));
  return { logger: engineLogger(send), close: () => client.close() };
}

/**
 * The engine's address among the plugin's arguments: `[--logtostderr] [-v=N] [--tracing <endpoint>] <engine>`
 * (sdk/go/common/resource/plugin/plugin.go buildPluginArguments), so the first argument that is not a flag
 * nor a flag's value.
 */
export function engineAddressOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--tracing") {
      i++;
      continue;
    }
    if (!a.startsWith("-")) return a;
  }
  return undefined;
}
