// A program folder in which the code `pulumi import` prints can run as printed. That code imports the
// package's Node.js SDK by the name the schema gives it (language.nodejs.packageName, else @pulumi/<name>:
// the rule of Pulumi's code generator) and constructs `new asm.<Kind>(name, args, opts)`. No Node.js SDK
// is generated from schema.json yet, so the folder gets a stand-in under that name: per schema resource,
// a class that registers the type token with the arguments as given, which is what a generated class
// does at run time (it adds typed outputs, which a preview does not need), and per schema enum the
// object the code names members of (`asm.ASMGatewayGatewayType.Ingress`), a member being its value made
// an identifier. @pulumi/pulumi is the repo's.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "./pulumiCli";

interface PackageSchema {
  name: string;
  resources: Record<string, unknown>;
  types?: Record<string, { enum?: Array<{ value: unknown; name?: string }> }>;
  language?: { nodejs?: { packageName?: string } };
}

export function schemaOf(file = path.join(REPO_ROOT, "schema.json")): PackageSchema {
  return JSON.parse(fs.readFileSync(file, "utf8")) as PackageSchema;
}

/** The npm name generated code imports the package's SDK by. */
export function nodeSdkName(schema: PackageSchema): string {
  return schema.language?.nodejs?.packageName ?? `@pulumi/${schema.name}`;
}

function standInSource(schema: PackageSchema): string {
  const classes = Object.keys(schema.resources).map((token) => {
    const kind = token.split(":")[2];
    return `exports.${kind} = class ${kind} extends pulumi.CustomResource {\n` +
      `  constructor(name, args, opts) { super(${JSON.stringify(token)}, name, args || {}, opts); }\n};\n`;
  });
  const enums = Object.entries(schema.types ?? {}).filter(([, t]) => t.enum).map(([token, t]) => {
    const typeName = token.split(":")[2];
    const members = Object.fromEntries((t.enum ?? []).map((e) => [memberName(e.name ?? String(e.value), typeName), e.value]));
    return `exports.${typeName} = Object.freeze(${JSON.stringify(members)});\n`;
  });
  return `"use strict";\nconst pulumi = require("@pulumi/pulumi");\n${classes.join("")}${enums.join("")}`;
}

const DIGIT_NAMES = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"];

/**
 * The member name Pulumi's Node.js code generator gives an enum value (codegen/nodejs makeSafeEnumName):
 * a lone digit spelled out, the first letter upper-cased, every character that cannot be in an identifier
 * an underscore (runs of them one), and the type's name before a leading underscore.
 */
function memberName(value: string, typeName: string): string {
  const expanded = /^[0-9]$/.test(value) ? DIGIT_NAMES[Number(value)] : value;
  const upper = expanded.charAt(0).toUpperCase() + expanded.slice(1);
  const id = (/^[0-9]/.test(upper) ? "_" : "") + upper.replace(/[^A-Za-z0-9_$]/g, "_");
  const collapsed = id.replace(/_+/g, "_");
  return collapsed.startsWith("_") ? typeName + collapsed : collapsed;
}

/** A fresh program folder (Pulumi.yaml, an empty index.ts) whose node_modules resolve @pulumi/pulumi and the SDK stand-in. */
export function programWithSdkStandIn(projectName: string, schema = schemaOf()): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `asm-${projectName}-`));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${projectName}\nruntime: nodejs\nmain: index.ts\n`);
  fs.writeFileSync(path.join(dir, "index.ts"), "export {};\n");
  const modules = path.join(dir, "node_modules");
  fs.mkdirSync(path.join(modules, "@pulumi"), { recursive: true });
  fs.symlinkSync(path.join(REPO_ROOT, "node_modules", "@pulumi", "pulumi"), path.join(modules, "@pulumi", "pulumi"));
  const sdk = path.join(modules, ...nodeSdkName(schema).split("/"));
  fs.mkdirSync(sdk, { recursive: true });
  fs.writeFileSync(path.join(sdk, "package.json"), JSON.stringify({ name: nodeSdkName(schema), version: "0.0.0-stand-in", main: "index.js" }));
  fs.writeFileSync(path.join(sdk, "index.js"), standInSource(schema));
  return dir;
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
