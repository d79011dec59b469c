// A Pulumi program imports asm-pulumi to construct resources; the API client and the Kubernetes client
// belong to the provider process. Loading them in the program cost it ~0.1 s of every run for nothing.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

function modulesLoadedByImport(): string[] {
  const script = 'require("./provider/index.ts"); process.stdout.write(JSON.stringify(Object.keys(require.cache)))';
  const out = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], { cwd: root, encoding: "utf8" });
  return JSON.parse(out) as string[];
}

describe("importing the package in a program", () => {
  const loaded = modulesLoadedByImport();

  it("loads neither @alicloud/openapi-client nor the Kubernetes client", () => {
    expect(loaded.filter((p) => p.includes("@alicloud/openapi-client") || p.includes("@kubernetes/client-node"))).toEqual([]);
  });

  it("loads no kind's lifecycle, only the classes and what they declare", () => {
    expect(loaded.filter((p) => /provider[\\/](api[\\/]client|kube[\\/]|waiter[\\/]|resources[\\/][^\\/]+[\\/]lifecycle)/.test(p))).toEqual([]);
  });
});
