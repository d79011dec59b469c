// Five projects, one per test layer (DESIGN.md "tests/"). Timeouts per layer: tests/setup/layerTimeouts.ts.
// npm test runs them in band: e2e stacks drive the real Pulumi CLI and share the machine's two cores.
const layer = (name) => ({
  displayName: name,
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testMatch: [`<rootDir>/tests/${name}/**/*.test.ts`],
  setupFilesAfterEnv: ["<rootDir>/tests/setup/layerTimeouts.ts"],
});
module.exports = {
  projects: ["unit", "emulator", "provider", "reliability", "e2e"].map(layer),
};
