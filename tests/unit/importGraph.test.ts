// The dependency rules of docs/architecture.md, read off the sources' import graph so a change that
// breaks one fails here instead of in review: api/, waiter/ and schema/ never import @pulumi/*; a
// resource kind never imports another kind (a dependency is an input id); the emulator never imports
// provider code (it must not verify signatures with the code it checks).
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import type { ResourceKind } from "../../provider/shim";

const ROOT = path.resolve(__dirname, "../..");

/** Every kind, so a new one is a compile error here until the rules know it. */
const KINDS: Record<ResourceKind, true> = { ServiceMesh: true, ClusterAttachment: true, ASMGateway: true, GatewaySecret: true, GatewayRoute: true };
const KIND_BY_LOWER = new Map(Object.keys(KINDS).map((k) => [k.toLowerCase(), k]));

/** Root-relative path ("provider/api/client.ts") → the specifiers it imports, type-only and require() included. */
type ImportGraph = Map<string, string[]>;

function specifiersOf(source: string): string[] {
  // preProcessFile sees import/export-from, import type, import("…") and require("…") without a full parse.
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sourceFiles(rel);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [rel] : [];
  });
}

function readGraph(dirs: string[]): ImportGraph {
  return new Map(dirs.flatMap(sourceFiles).map((f) => [f, specifiersOf(fs.readFileSync(path.join(ROOT, f), "utf8"))]));
}

/** A relative specifier as a root-relative path without extension; a package name as it is. */
function target(from: string, spec: string): string {
  if (!spec.startsWith(".")) return spec;
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)).replace(/\.(ts|js)$/, "");
}

/**
 * The kind a file under provider/resources/ belongs to: by its folder (resources/<kind>/…) or by its
 * name's prefix (resources/<kind>.mapping.ts); undefined for shared files (gatewayCalls.ts).
 */
function kindOf(file: string): string | undefined {
  const m = /^provider\/resources\/(.+)$/.exec(file);
  if (!m) return undefined;
  const parts = m[1].split("/");
  const byFolder = parts.length > 1 ? KIND_BY_LOWER.get(parts[0].toLowerCase()) : undefined;
  return byFolder ?? KIND_BY_LOWER.get(parts[parts.length - 1].split(".")[0].toLowerCase());
}

const isUnder = (file: string, dirs: string[]) => dirs.some((d) => file === d || file.startsWith(`${d}/`));

/** Every import that breaks a rule, as "file → specifier: rule". */
function violations(graph: ImportGraph): string[] {
  const found: string[] = [];
  for (const [file, specs] of graph) {
    for (const spec of specs) {
      const to = target(file, spec);
      const say = (rule: string) => found.push(`${file} → ${spec}: ${rule}`);
      if (isUnder(file, ["provider/api", "provider/waiter", "provider/schema"]) && to.startsWith("@pulumi/")) say("api/, waiter/ and schema/ never import @pulumi/*");
      const from = kindOf(file);
      const into = kindOf(to);
      if (from !== undefined && into !== undefined && from !== into) say(`the ${from} kind imports the ${into} kind`);
      if (isUnder(file, ["emulator"]) && (isUnder(to, ["provider"]) || to === "asm-pulumi" || to.startsWith("asm-pulumi/"))) say("the emulator never imports provider code");
    }
  }
  return found;
}

describe("reading the import graph", () => {
  it("finds imports, re-exports, type-only imports, require() and import() alike", () => {
    const source = [
      `import * as a from "./a";`,
      `import type { B } from "../b";`,
      `export { c } from "./c";`,
      `const d = require("@pulumi/pulumi");`,
      `const e = () => import("./e");`,
    ].join("\n");
    expect(specifiersOf(source)).toEqual(["./a", "../b", "./c", "@pulumi/pulumi", "./e"]);
  });

  it("tells a kind's file by its name's prefix or by its folder, and a shared file as no kind", () => {
    expect(kindOf("provider/resources/asmGateway.mapping.ts")).toBe("ASMGateway");
    expect(kindOf("provider/resources/serviceMesh")).toBe("ServiceMesh");
    expect(kindOf("provider/resources/gatewayRoute/mapping.ts")).toBe("GatewayRoute");
    expect(kindOf("provider/resources/clusterAttachment/steps")).toBe("ClusterAttachment");
    expect(kindOf("provider/resources/gatewayCalls.ts")).toBeUndefined();
    expect(kindOf("provider/resources/shared/ids.ts")).toBeUndefined();
    expect(kindOf("provider/framework/conflict.ts")).toBeUndefined();
  });
});

describe("the dependency rules", () => {
  it.each([
    ["provider/api/client.ts", "@pulumi/pulumi", "api/, waiter/ and schema/ never import @pulumi/*"],
    ["provider/waiter/waiter.ts", "@pulumi/pulumi/runtime", "api/, waiter/ and schema/ never import @pulumi/*"],
    ["provider/schema/check.ts", "@pulumi/pulumi", "api/, waiter/ and schema/ never import @pulumi/*"],
    ["provider/resources/asmGateway.ts", "./gatewayRoute.mapping", "the ASMGateway kind imports the GatewayRoute kind"],
    ["provider/resources/gatewaySecret/lifecycle.ts", "../asmGateway/mapping", "the GatewaySecret kind imports the ASMGateway kind"],
    ["provider/resources/gatewaySecret/lifecycle.ts", "../serviceMesh.spec", "the GatewaySecret kind imports the ServiceMesh kind"],
    ["emulator/http/auth.ts", "../../provider/api/transport", "the emulator never imports provider code"],
    ["emulator/index.ts", "asm-pulumi/runtime", "the emulator never imports provider code"],
  ])("%s importing %s breaks: %s", (file, spec, rule) => {
    expect(violations(new Map([[file, [spec]]]))).toEqual([`${file} → ${spec}: ${rule}`]);
  });

  it.each([
    ["provider/framework/context.ts", "@pulumi/pulumi"],
    ["provider/resources/asmGateway/lifecycle.ts", "./mapping"],
    ["provider/resources/asmGateway/lifecycle.ts", "../gatewayCalls"],
    ["provider/resources/gatewayRoute.ts", "./gatewayRoute.mapping"],
    ["emulator/index.ts", "./state/store"],
  ])("%s may import %s", (file, spec) => {
    expect(violations(new Map([[file, [spec]]]))).toEqual([]);
  });
});

describe("the sources", () => {
  const graph = readGraph(["provider", "emulator"]);

  it("are read whole: every kind's files and the lazy require()s of the runtime registry are seen", () => {
    const kinds = new Set([...graph.keys()].map(kindOf).filter((k) => k !== undefined));
    expect([...kinds].sort()).toEqual(Object.keys(KINDS).sort());
    const registered = (graph.get("provider/runtime.ts") ?? []).filter((s) => s.startsWith("./resources/"));
    expect(new Set(registered.map((s) => kindOf(target("provider/runtime.ts", s)))).size).toBe(Object.keys(KINDS).length);
    expect([...graph.keys()].some((f) => f.startsWith("emulator/"))).toBe(true);
  });

  it("keep every dependency rule", () => {
    expect(violations(graph)).toEqual([]);
  });
});
