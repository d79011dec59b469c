// Four projects, one per test layer (DESIGN.md "tests/"). e2e drives the real Pulumi CLI and runs
// serially because every stack shares the machine's two cores.
const tsJest = { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true }] };
const layer = (name, timeout) => ({
  displayName: name,
  testEnvironment: "node",
  transform: tsJest,
  testMatch: [`<rootDir>/tests/${name}/**/*.test.ts`],
  testTimeout: timeout,
});
module.exports = {
  projects: [
    layer("unit", 10_000),
    layer("emulator", 30_000),
    layer("provider", 120_000),
    layer("reliability", 600_000),
    layer("e2e", 900_000),
  ],
};
