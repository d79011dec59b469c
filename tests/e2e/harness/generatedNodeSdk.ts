// A program folder in which the code `pulumi import` prints runs as printed. That code imports the
// package's Node.js SDK by the name the schema gives it (language.nodejs.packageName) and constructs
// `new asm.<Kind>(name, args, opts)`, so the folder gets that SDK as a user gets it: generated from
// schema.json by tools/bin/sdkgen (docs/sdks.md) with the repo's overlay files, compiled with tsc, and the compiled package (bin/ with
// its package.json, the layout the generated build publishes) under node_modules. @pulumi/pulumi is the repo's.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "./pulumiCli";

interface PackageSchema {
  name: string;
  language?: { nodejs?: { packageName?: string } };
}

export function schemaOf(file = path.join(REPO_ROOT, "schema.json")): PackageSchema {
  return JSON.parse(fs.readFileSync(file, "utf8")) as PackageSchema;
}

/** The npm name generated code imports the package's SDK by. */
export function nodeSdkName(schema: PackageSchema): string {
  const name = schema.language?.nodejs?.packageName;
  if (!name) throw new Error("schema.json names no Node.js package (language.nodejs.packageName)");
  return name;
}

/** Links the repo's copy of each npm package into `dir`/node_modules, as an install would put them there. */
function linkRepoModules(dir: string, names: readonly string[]): void {
  for (const name of names) {
    const at = path.join(dir, "node_modules", ...name.split("/"));
    fs.mkdirSync(path.dirname(at), { recursive: true });
    fs.symlinkSync(path.join(REPO_ROOT, "node_modules", ...name.split("/")), at);
  }
}

/**
 * A fresh program folder (Pulumi.yaml, an empty index.ts) whose node_modules resolve @pulumi/pulumi and the
 * generated, compiled Node.js SDK; the folder holding both is removed with path.dirname of it.
 */
export function programWithGeneratedSdk(projectName: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `asm-${projectName}-`));
  const sdkOut = path.join(dir, "sdk");
  execFileSync(path.join(REPO_ROOT, "tools", "bin", "sdkgen"), ["-schema", path.join(REPO_ROOT, "schema.json"), "-out", sdkOut, "-languages", "nodejs", "-overlays", path.join(REPO_ROOT, "provider", "sdkOverlays")], { stdio: "pipe" });
  const sdk = path.join(sdkOut, "nodejs");
  linkRepoModules(sdk, ["@pulumi/pulumi", "@types/node"]);
  execFileSync(path.join(REPO_ROOT, "node_modules", ".bin", "tsc"), ["-p", sdk], { stdio: "pipe" });
  fs.copyFileSync(path.join(sdk, "package.json"), path.join(sdk, "bin", "package.json"));

  const program = path.join(dir, "program");
  fs.mkdirSync(program);
  fs.writeFileSync(path.join(program, "Pulumi.yaml"), `name: ${projectName}\nruntime: nodejs\nmain: index.ts\n`);
  fs.writeFileSync(path.join(program, "index.ts"), "export {};\n");
  linkRepoModules(program, ["@pulumi/pulumi"]);
  const installed = path.join(program, "node_modules", ...nodeSdkName(schemaOf()).split("/"));
  fs.mkdirSync(path.dirname(installed), { recursive: true });
  fs.symlinkSync(path.join(sdk, "bin"), installed);
  return program;
}

/**
 * The printed programs pasted into one file, as a user appends each import's code: every import line
 * once, at the top, then each program's declarations in order.
 */
export function pasted(printed: readonly string[]): string {
  const imports: string[] = [];
  const bodies: string[] = [];
  for (const code of printed) {
    const lines = code.split("\n");
    for (const line of lines.filter((l) => l.startsWith("import "))) if (!imports.includes(line)) imports.push(line);
    bodies.push(lines.filter((l) => !l.startsWith("import ")).join("\n").trim());
  }
  return `${imports.join("\n")}\n\n${bodies.join("\n")}\n`;
}
