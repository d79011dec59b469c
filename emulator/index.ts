// Public entry point of the local ASM emulator: createEmulator() starts the HTTP server in process
// and returns its endpoint, credentials and control handle. `npx asm-emulator` (cli.ts) wraps it.
import { createControl, type EmulatorControl } from "./control";
import { startServer } from "./http/server";
import { Runtime, type RuntimeOptions } from "./runtime";
import type { Credential } from "./types";

export { DEFAULT_CLUSTERS, DEFAULT_REGION, DEFAULT_VPC, DEFAULT_VSWITCH, DEMO_CREDENTIALS, EMULATOR_CLUSTERS, OTHER_VPC } from "./defaults";
export { ManualClock, systemClock, type Clock } from "./time/clock";
export { MeshState, MODELLED_ERRORS, PROFILE_TRANSITIONS } from "./modelled";
export type { EmulatorControl, EmulatorMutations } from "./control";
export { loadContract, type Contract, type ContractAction } from "./contract/contract";
export type { CompletedTransition } from "./time/lifecycle";
export type { ClusterSeed, Credential, FaultEffect, FaultRule, ProfileName, RateLimit, RequestLogEntry, TransitionRule } from "./types";

export interface EmulatorOptions extends RuntimeOptions {
  /** 0 = ephemeral (default 0). */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
}

export interface EmulatorHandle {
  /** "http://127.0.0.1:PORT" */
  url: string;
  /** "127.0.0.1:PORT": openapi-client's config.endpoint, with protocol "HTTP". */
  endpoint: string;
  /** The first access key as it is now (control.rotateKey changes its secret). */
  readonly credentials: Credential;
  control: EmulatorControl;
  close(): Promise<void>;
}

export async function createEmulator(opts: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const rt = new Runtime(opts);
  const control = createControl(rt);
  const { server, host, port } = await startServer(rt, control, opts.host ?? "127.0.0.1", opts.port ?? 0);
  const endpoint = `${host}:${port}`;
  rt.baseUrl = `http://${endpoint}`;
  return {
    url: rt.baseUrl,
    endpoint,
    get credentials() {
      return rt.credentials[0];
    },
    control,
    close: () =>
      new Promise<void>((resolve, reject) => {
        rt.store.flush();
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
