// An in-process emulator plus a Pulumi stack configured to use it the way a user would: endpoint, protocol,
// region and keys in stack config (both keys as secrets), nothing in the environment but test speed-ups.
import * as path from "node:path";
import { createEmulator, DEFAULT_REGION, type EmulatorHandle, type EmulatorOptions } from "../../../emulator";
import { AsmClient, OpenApiTransport } from "../../../provider/api";
import { PulumiStack, REPO_ROOT } from "./pulumiCli";

export const PROGRAMS = path.join(REPO_ROOT, "tests", "e2e", "programs");

export interface EmulatorStack {
  emulator: EmulatorHandle;
  stack: PulumiStack;
  /** A client of our own for assertions about what the emulator holds. */
  api: AsmClient;
  dispose(): Promise<void>;
}

export interface EmulatorStackOptions {
  /** A program under tests/e2e/programs, or any folder with a Pulumi.yaml via programDir. */
  program?: string;
  programDir?: string;
  stackName?: string;
  emulator?: EmulatorOptions;
  config?: Record<string, string>;
  env?: Record<string, string>;
  /**
   * Also the native plugin's settings: the engine hands a plugin only its own package's config, so the
   * region and both keys (as secrets) are set under asm:* as well as alicloud:*.
   */
  nativePlugin?: boolean;
}

export async function emulatorStack(opts: EmulatorStackOptions): Promise<EmulatorStack> {
  const emulator = await createEmulator({ profile: "instant", strictParams: true, ...opts.emulator });
  const stack = await PulumiStack.create({
    programDir: opts.programDir ?? path.join(PROGRAMS, opts.program ?? ""),
    stackName: opts.stackName,
    // Polling and retry delays shrink tenfold; deadlines stay as configured.
    env: { ASM_WAIT_SCALE: "0.1", ...opts.env },
  });
  const { accessKeyId, accessKeySecret } = emulator.credentials;
  await stack.setConfig({
    "asm:endpoint": emulator.endpoint,
    "asm:protocol": "HTTP",
    "alicloud:region": DEFAULT_REGION,
    ...(opts.nativePlugin ? { "asm:region": DEFAULT_REGION } : {}),
    ...opts.config,
  });
  // Both keys as secrets, as docs/configuration.md says: plain-text credential config is refused.
  await stack.setConfig({
    "alicloud:accessKey": accessKeyId, "alicloud:secretKey": accessKeySecret,
    ...(opts.nativePlugin ? { "asm:accessKey": accessKeyId, "asm:secretKey": accessKeySecret } : {}),
  }, { secret: true });
  const api = new AsmClient(new OpenApiTransport({
    endpoint: emulator.endpoint, protocol: "HTTP", regionId: DEFAULT_REGION, credentials: emulator.credentials,
  }));
  return {
    emulator,
    stack,
    api,
    async dispose() {
      await stack.dispose();
      await emulator.close();
    },
  };
}
