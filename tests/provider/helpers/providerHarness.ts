// Shared test helpers for tests/provider: start the in-process emulator (profile "instant"), point
// the provider at it, and build configured providers. Delays are scaled by ASM_WAIT_SCALE so the
// waiter and transport retries run in microseconds; timeouts stay real so a stuck wait still fails.
//
//   const h = await startHarness();            // in beforeAll
//   const mesh = h.provider("ServiceMesh");    // a configured pulumi.dynamic.ResourceProvider
//   h.emulator.control.addFault({...});        // emulator controls
//   h.logs                                     // progress lines the provider logged
//   await h.stop();                            // in afterAll
import type * as pulumi from "@pulumi/pulumi";
import { createEmulator, DEFAULT_REGION, PROFILE_TRANSITIONS, type EmulatorHandle, type EmulatorOptions } from "../../../emulator";
import { setStackConfig } from "../../../provider/config";
import { overrideContext } from "../../../provider/framework";
import { coreImplementationFor, implementationFor } from "../../../provider/runtime";
import type { ResourceKind } from "../../../provider/shim";

export interface Harness {
  emulator: EmulatorHandle;
  logs: string[];
  provider(kind: ResourceKind): pulumi.dynamic.ResourceProvider;
  reset(): void;
  stop(): Promise<void>;
}

/** Scale applied to every poll and retry delay in provider tests (2 s becomes 2 ms). */
export const TEST_WAIT_SCALE = "0.001";

function isolateEnvironment(endpoint: string): void {
  process.env.ASM_ENDPOINT = endpoint;
  process.env.ASM_PROTOCOL = "HTTP";
  process.env.ASM_WAIT_SCALE = TEST_WAIT_SCALE;
  // The credentials default chain must never reach the ECS metadata address or a local profile.
  process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = "true";
  process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = "true";
}

export async function startHarness(opts: EmulatorOptions = {}): Promise<Harness> {
  const emulator = await createEmulator({ profile: "instant", strictParams: true, ...opts });
  isolateEnvironment(emulator.endpoint);
  const logs: string[] = [];
  const stackConfig: Record<string, string> = {
    "alicloud:accessKey": emulator.credentials.accessKeyId,
    "alicloud:secretKey": emulator.credentials.accessKeySecret,
    "alicloud:region": DEFAULT_REGION,
  };
  overrideContext({ logger: { info: (m) => logs.push(m), warn: (m) => logs.push(`warn: ${m}`) }, progressIntervalMs: 0 });
  // Through configure(), as the Pulumi engine does; only `get` of pulumi's Config is used.
  const config = { get: (key: string) => stackConfig[key] } as unknown as pulumi.dynamic.ConfigureRequest["config"];
  await implementationFor("ServiceMesh").configure?.({ config });
  return {
    emulator,
    logs,
    // The implementations' own contract (failures name their property); the host adapter has unit tests.
    provider: (kind) => coreImplementationFor(kind),
    reset: () => {
      emulator.control.reset();
      // control.reset() keeps transition overrides: put back the instant profile's rules.
      for (const [key, rule] of Object.entries(PROFILE_TRANSITIONS.instant)) emulator.control.setTransitions(key, rule);
      emulator.control.clearFaults();
      emulator.control.clearRequests();
      logs.length = 0;
    },
    stop: async () => {
      overrideContext({});
      setStackConfig(undefined);
      await emulator.close();
    },
  };
}
