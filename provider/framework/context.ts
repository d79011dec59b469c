// The per-call context a resource implementation receives: an API client, the clock, a logger and a
// wait() that runs the shared waiter with progress reporting. Built inside the provider process on
// each call from the configuration holder (provider/config.ts); never captured in serialized code.
// Tests replace parts of it with overrideContext (a fake clock, a transport with faults, ...).
import { AsmClient, DEFAULT_RETRY, OpenApiTransport, RetryPolicy, Transport } from "../api";
import { legacyEnvKeys, ProviderSettings, resolveSettings } from "../config";
import { Acceptor, BackoffPolicy, Clock, PollResult, Random, realClock, scalePolicy, WaitFeed, waitUntil } from "../waiter";
import { runIdleWork } from "./idleWork";
import { Logger, progressReporter, pulumiLogger } from "./progress";

export interface WaitSpec<T> {
  what: string;
  /** Who progress lines are about, e.g. "ServiceMesh c12". */
  subject: string;
  timeoutMs: number;
  policy: BackoffPolicy;
  label(result: PollResult<T>): string;
  failureReason?(result: PollResult<T>): string;
  /** Results others polled that settle this wait too (see meshObservations). */
  feed?: WaitFeed<T>;
}

export interface ProviderContext {
  client: AsmClient;
  /** The API client's retry policy (scaled), for other clients that reach the cloud (the mesh's Kubernetes API). */
  retry: RetryPolicy;
  clock: Clock;
  random: Random;
  logger: Logger;
  settings: ProviderSettings;
  /** In create only: the resource's owner key (its URN), when the program passed one (framework/ownership.ts). */
  owner?: string;
  wait<T>(poll: () => Promise<T>, acceptors: readonly Acceptor<T>[], spec: WaitSpec<T>): Promise<T>;
}

export interface ContextOverrides {
  clock?: Clock;
  random?: Random;
  logger?: Logger;
  transport?: Transport;
  retry?: RetryPolicy;
  progressIntervalMs?: number;
}

let overrides: ContextOverrides = {};

/** For tests and benches: replace parts of every context built from now on. */
export function overrideContext(next: ContextOverrides): void {
  overrides = { ...next };
}

export function buildContext(): ProviderContext {
  const settings = resolveSettings();
  const clock = overrides.clock ?? realClock;
  const random = overrides.random ?? Math.random;
  const logger = overrides.logger ?? pulumiLogger;
  const transport =
    overrides.transport ??
    new OpenApiTransport({
      endpoint: settings.endpoint,
      protocol: settings.protocol,
      regionId: settings.regionId ?? "",
      credentials: settings.keys,
      fallbackCredentials: legacyEnvKeys(),
    });
  const base = overrides.retry ?? DEFAULT_RETRY;
  const retry = { maxAttempts: base.maxAttempts, backoff: scalePolicy(base.backoff, settings.waitScale) };
  const client = new AsmClient(transport, { retry, clock, random });
  const intervalMs = overrides.progressIntervalMs ?? 30_000;
  const wait = <T>(poll: () => Promise<T>, acceptors: readonly Acceptor<T>[], spec: WaitSpec<T>) =>
    waitUntil(poll, acceptors, {
      ...spec,
      policy: scalePolicy(spec.policy, settings.waitScale),
      clock,
      random,
      onPoll: settings.progress ? progressReporter(spec.subject, logger, { intervalMs, now: () => clock.now() }) : undefined,
      onSleep: runIdleWork,
    });
  return { client, retry, clock, random, logger, settings, wait };
}
