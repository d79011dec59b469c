// ESLint with typescript-eslint (issue 14): the recommended rules for JavaScript and TypeScript over every
// source the project compiles or runs. `npm test` runs it (scripts/test); `npx eslint .` runs it by hand.
// sdk/ and .tmp/ hold generated SDKs (npm run sdks, tests/e2e/generatedSdks.test.ts): the generator's code, not ours.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "dist.next/**", "dist.old/**", "node_modules/**", "tools/**", "scripts/pulumi-cli/**", "scripts/langhost/**", "coverage/**", "sdk/**", ".tmp/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { console: "readonly", process: "readonly", require: "readonly", module: "writable", __dirname: "readonly", Buffer: "readonly", setTimeout: "readonly", clearTimeout: "readonly", setInterval: "readonly", clearInterval: "readonly", setImmediate: "readonly", URL: "readonly", AbortController: "readonly", fetch: "readonly" } },
    rules: {
      // Unused names are errors, except the deliberate `_` ones (ignored parameters, dropped keys in a rest).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // jest's globals in tests.
    files: ["tests/**/*.ts"],
    languageOptions: { globals: { describe: "readonly", it: "readonly", test: "readonly", expect: "readonly", beforeAll: "readonly", afterAll: "readonly", beforeEach: "readonly", afterEach: "readonly", jest: "readonly" } },
  },
);
