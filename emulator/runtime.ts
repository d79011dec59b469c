// The emulator's live parts, built once from the options and shared by the HTTP layer, the
// Kubernetes subset and the in-process control handle.
import { randomBytes } from "node:crypto";
import type { Contract } from "./contract/contract";
import { DEFAULT_CLUSTERS, DEMO_CREDENTIALS } from "./defaults";
import { FaultInjector } from "./faults/faultRules";
import { TokenBucket } from "./faults/rateLimiter";
import { Authenticator } from "./http/authenticate";
import { ParamChecker } from "./http/paramCheck";
import { RequestLog } from "./http/requestLog";
import { kubeTokenFor } from "./kube/kubeconfig";
import { MAX_BODY_BYTES } from "./modelled";
import type { OpContext } from "./operations/context";
import { JsonStateFile } from "./state/persistence";
import { Store } from "./state/store";
import { systemClock, type Clock } from "./time/clock";
import { TransitionRules } from "./time/lifecycle";
import type { ClusterSeed, Credential, FaultRule, ProfileName, RateLimit } from "./types";

export interface RuntimeOptions {
  /** Default "instant". */
  profile?: ProfileName;
  /** JSON persistence; absent = memory only. */
  stateFile?: string;
  /** Seed for ids, kube tokens and probabilistic faults (default 1). */
  seed?: number;
  /** Default [DEMO_CREDENTIALS]. */
  credentials?: Credential[];
  /** Default DEFAULT_CLUSTERS. */
  clusters?: ClusterSeed[];
  /** Absent = unlimited. */
  rateLimit?: RateLimit;
  faults?: FaultRule[];
  clock?: Clock;
  /** Largest accepted request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Store gateways with the documented spec defaults filled in (default false; see modelled.ts). */
  gatewayDefaults?: boolean;
  /**
   * Vary each timed transition's duration by up to this fraction of the profile's (0 to 0.5, default 0:
   * exact), as real changes vary; seeded by `seed`.
   */
  transitionSpread?: number;
  /**
   * Reject a parameter the action's contract lacks, or one sent in the other place or form (default true
   * in process, where tests want a client's mistake to fail; the CLI defaults to the service's leniency,
   * modelled.ts SERVICE_REJECTS_UNCONTRACTED_PARAMETERS). Either way such a parameter is warned about.
   */
  strictParams?: boolean;
  /** Where warnings go (default: stderr, one line each). */
  onWarning?: (message: string) => void;
  /** The API contract requests are held to (default: the one in emulator/contract/, from the SDK). */
  contract?: Contract;
}

const stderrWarning = (message: string): void => {
  process.stderr.write(`asm-emulator: warning: ${message}\n`);
};

export class Runtime {
  readonly seed: number;
  readonly clock: Clock;
  readonly store: Store;
  readonly rules: TransitionRules;
  readonly auth: Authenticator;
  readonly faults: FaultInjector;
  readonly params: ParamChecker;
  readonly log = new RequestLog();
  /** The mesh Kubernetes API's requests: another server than the OpenAPI, so kept apart. */
  readonly kubeLog = new RequestLog();
  /** The accepted keys as they are now (rotateKey replaces an entry); reset restores initialCredentials. */
  readonly credentials: Credential[];
  private readonly initialCredentials: readonly Credential[];
  readonly maxBodyBytes: number;
  limiter: TokenBucket | undefined;
  baseUrl = "";
  /** Starts as RuntimeOptions.gatewayDefaults; the control handle changes it, reset restores it. */
  gatewayDefaults: boolean;
  readonly initialGatewayDefaults: boolean;

  constructor(opts: RuntimeOptions) {
    this.seed = opts.seed ?? 1;
    this.clock = opts.clock ?? systemClock;
    this.initialCredentials = opts.credentials && opts.credentials.length > 0 ? opts.credentials : [DEMO_CREDENTIALS];
    this.credentials = [...this.initialCredentials];
    this.store = new Store({ seeds: opts.clusters ?? DEFAULT_CLUSTERS, seed: this.seed, clock: this.clock,
      persistence: opts.stateFile ? new JsonStateFile(opts.stateFile) : undefined });
    this.rules = new TransitionRules(opts.profile ?? "instant", { spread: opts.transitionSpread, seed: this.seed });
    this.auth = new Authenticator(this.credentials, this.clock);
    this.faults = new FaultInjector(this.seed);
    this.params = new ParamChecker({ strict: opts.strictParams ?? true, warn: opts.onWarning ?? stderrWarning, contract: opts.contract });
    for (const rule of opts.faults ?? []) this.faults.add(rule);
    this.setRateLimit(opts.rateLimit);
    this.maxBodyBytes = opts.maxBodyBytes ?? MAX_BODY_BYTES;
    this.initialGatewayDefaults = opts.gatewayDefaults ?? false;
    this.gatewayDefaults = this.initialGatewayDefaults;
  }

  /**
   * Gives an access key a new secret; the old one is rejected (SignatureDoesNotMatch) from then on.
   * The secret is random, not seeded: a test must read it from the result, never predict it.
   */
  rotateKey(accessKeyId: string): Credential {
    const index = this.credentials.findIndex((c) => c.accessKeyId === accessKeyId);
    if (index < 0) throw new Error(`access key "${accessKeyId}" does not exist; known: ${this.credentials.map((c) => c.accessKeyId).join(", ")}.`);
    const rotated = { accessKeyId, accessKeySecret: `rotated-${randomBytes(12).toString("hex")}` };
    this.credentials[index] = rotated;
    this.auth.setSecret(accessKeyId, rotated.accessKeySecret);
    return rotated;
  }

  resetCredentials(): void {
    this.initialCredentials.forEach((c, i) => {
      this.credentials[i] = c;
      this.auth.setSecret(c.accessKeyId, c.accessKeySecret);
    });
  }

  setRateLimit(limit: RateLimit | undefined): void {
    this.limiter = limit ? new TokenBucket(limit, this.clock) : undefined;
  }

  kubeToken(meshId: string): string {
    return kubeTokenFor(this.seed, meshId);
  }

  operationContext(): OpContext {
    return { store: this.store, rules: this.rules, baseUrl: this.baseUrl, kubeToken: (id) => this.kubeToken(id), gatewayDefaults: this.gatewayDefaults };
  }
}
