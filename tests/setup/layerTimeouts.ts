// Jest reads testTimeout only from the root config, not per project, so each layer's budget is set
// here from the test file's folder. e2e and reliability tests drive the real Pulumi CLI.
const LAYER_TIMEOUTS_MS: Record<string, number> = {
  unit: 10_000,
  emulator: 30_000,
  provider: 120_000,
  reliability: 600_000,
  e2e: 900_000,
};

const testPath = expect.getState().testPath ?? "";
const layer = /[\\/]tests[\\/]([^\\/]+)[\\/]/.exec(testPath)?.[1] ?? "unit";
jest.setTimeout(LAYER_TIMEOUTS_MS[layer] ?? 10_000);
