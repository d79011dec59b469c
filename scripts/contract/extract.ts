// Regenerates emulator/contract/ from the official Alibaba Cloud TypeScript SDK (issue 15): for every
// action the provider's catalog or the emulator's registry uses, the HTTP method, each request
// parameter's place, encoding and type (with the valid values and default its documentation gives), and
// the response's field tree. Run by hand, not in CI:
//
//   npx ts-node --transpile-only scripts/contract/extract.ts <sdk-checkout-or-git-dir> [--ref REV] [--check] [--out DIR]
//
// The argument is either a checkout of the SDK repository (the folder holding servicemesh-20200111/)
// or a bare git directory of it (read at --ref, default HEAD). --check writes nothing and exits 1 when
// the committed files differ from what the SDK gives; --out writes elsewhere (to compare SDK commits). The SDK is parsed with the TypeScript compiler,
// never loaded: only facts (names, places, types) are taken from it, no code.
//
// An action in scope that the SDK lacks keeps its hand-kept contract from emulator/contract/outsideSdk/
// (facts read from another public client): this script indexes it and never rewrites or removes it, and
// stops when such a file is no longer needed (the SDK has the action, or nothing uses it), so a person
// compares and deletes it.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { catalog } from "../../provider/api/catalog";
import { OPERATIONS } from "../../emulator/operations/registry";
import { docFacts, type DocFacts } from "./docFacts";
import {
  actionFile, CONTRACT_DIR, countFields, OUTSIDE_SDK_FOLDER, outsideSdkFile, type Consumer, type ContractAction, type ContractIndex,
  type ContractParam, type Encoding, type Place, type SdkSource, type TypeNode,
} from "../../emulator/contract/contract";

const REPOSITORY = "github.com/aliyun/alibabacloud-typescript-sdk";
const FOLDER = "servicemesh-20200111";
const API_VERSION = "2020-01-11";

// ---------------------------------------------------------------------------------------------
// Reading the SDK: a checkout or a bare git directory, always pinned to one commit.

interface SdkTree {
  /** Paths relative to the repository root. */
  files: string[];
  read(file: string): string;
  commit: { id: string; date: string };
  folderCommit: { id: string; date: string };
}

function git(args: string[]): string {
  return execFileSync("git", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

function commitOf(gitArgs: string[], rev: string, ...pathspec: string[]): { id: string; date: string } {
  const out = git([...gitArgs, "log", "-1", "--format=%H%n%cI", rev, "--", ...pathspec]).trim().split("\n");
  if (out.length !== 2 || !/^[0-9a-f]{40}$/.test(out[0])) throw new Error(`cannot read the commit of ${rev} ${pathspec.join(" ")}`);
  return { id: out[0], date: out[1] };
}

function openSdk(location: string, ref: string): SdkTree {
  if (fs.existsSync(path.join(location, FOLDER))) {
    // A checkout: its files must be exactly the commit's, or the recorded commit would be a lie.
    const gitArgs = ["-C", location];
    const dirty = git([...gitArgs, "status", "--porcelain", "--", FOLDER]).trim();
    if (dirty !== "") throw new Error(`${location}: ${FOLDER} has uncommitted changes; the contract must come from a commit`);
    const walk = (rel: string): string[] => fs.readdirSync(path.join(location, rel), { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.posix.join(rel, e.name)) : [path.posix.join(rel, e.name)]));
    return {
      files: walk(FOLDER),
      read: (file) => fs.readFileSync(path.join(location, file), "utf8"),
      commit: commitOf(gitArgs, "HEAD"),
      folderCommit: commitOf(gitArgs, "HEAD", FOLDER),
    };
  }
  const gitArgs = [`--git-dir=${location}`];
  const files = git([...gitArgs, "ls-tree", "-r", "--name-only", ref, "--", FOLDER]).split("\n").filter((f) => f !== "");
  if (files.length === 0) throw new Error(`${location}: no ${FOLDER}/ at ${ref} (give a checkout of the SDK repository or its git directory)`);
  return {
    files,
    read: (file) => git([...gitArgs, "show", `${ref}:${file}`]),
    commit: commitOf(gitArgs, ref),
    folderCommit: commitOf(gitArgs, ref, FOLDER),
  };
}

// ---------------------------------------------------------------------------------------------
// The SDK's models: classes with static names() (property → wire name) and types() (property → type).

interface ModelField {
  prop: string;
  wire: string;
  type: ts.Expression;
  required: boolean;
  deprecated: boolean;
  /** What its doc comment documents: valid values and a default (request fields only are given them). */
  documented: DocFacts;
}

interface Model {
  name: string;
  /** By property name. */
  fields: Map<string, ModelField>;
}

const nameOf = (n: ts.PropertyName): string | undefined => (ts.isIdentifier(n) || ts.isStringLiteral(n) ? n.text : undefined);

function returnedObject(method: ts.MethodDeclaration): ts.ObjectLiteralExpression | undefined {
  const ret = method.body?.statements.find(ts.isReturnStatement);
  return ret?.expression && ts.isObjectLiteralExpression(ret.expression) ? ret.expression : undefined;
}

function propertyAssignments(obj: ts.ObjectLiteralExpression): Map<string, ts.Expression> {
  const out = new Map<string, ts.Expression>();
  for (const p of obj.properties) {
    const key = ts.isPropertyAssignment(p) ? nameOf(p.name) : undefined;
    if (key === undefined || !ts.isPropertyAssignment(p)) throw new Error(`unexpected member in an SDK object literal: ${p.getText()}`);
    out.set(key, p.initializer);
  }
  return out;
}

function staticMethod(cls: ts.ClassDeclaration, name: string): ts.MethodDeclaration | undefined {
  return cls.members.find((m): m is ts.MethodDeclaration =>
    ts.isMethodDeclaration(m) && nameOf(m.name) === name && (ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Static) !== 0);
}

/** The doc comment above a property, where the SDK says "This parameter is required." and @deprecated. */
function docOf(source: ts.SourceFile, node: ts.Node): string {
  return (ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? []).map((r) => source.text.slice(r.pos, r.end)).join("\n");
}

function readModels(sources: ts.SourceFile[]): Map<string, Model> {
  const models = new Map<string, Model>();
  for (const source of sources) {
    for (const stmt of source.statements) {
      if (!ts.isClassDeclaration(stmt) || !stmt.name) continue;
      const namesMethod = staticMethod(stmt, "names");
      const typesMethod = staticMethod(stmt, "types");
      if (!namesMethod || !typesMethod) continue;
      const namesObj = returnedObject(namesMethod);
      const typesObj = returnedObject(typesMethod);
      if (!namesObj || !typesObj) throw new Error(`${stmt.name.text}: names()/types() do not return an object literal`);
      const wires = propertyAssignments(namesObj);
      const types = propertyAssignments(typesObj);
      const docs = new Map<string, string>();
      for (const m of stmt.members) if (ts.isPropertyDeclaration(m) && nameOf(m.name) !== undefined) docs.set(nameOf(m.name) as string, docOf(source, m));
      const fields = new Map<string, ModelField>();
      for (const [prop, wireExpr] of wires) {
        const type = types.get(prop);
        if (!ts.isStringLiteral(wireExpr) || !type) throw new Error(`${stmt.name.text}.${prop}: no wire name or no type`);
        const doc = docs.get(prop) ?? "";
        fields.set(prop, {
          prop, wire: wireExpr.text, type, required: /This parameter is required\./.test(doc), deprecated: /@deprecated/.test(doc),
          documented: docFacts(doc, ts.isStringLiteral(type) ? type.text : ""),
        });
      }
      if (models.has(stmt.name.text)) throw new Error(`model ${stmt.name.text} is declared twice`);
      models.set(stmt.name.text, { name: stmt.name.text, fields });
    }
  }
  return models;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `documented`: a request's field, which carries its documented values and default (a response's does not). */
function typeNode(expr: ts.Expression, models: Map<string, Model>, stack: string[], documented = false): TypeNode {
  if (ts.isStringLiteral(expr)) {
    switch (expr.text) {
      case "string": case "number": case "boolean": case "any":
        return { type: expr.text };
      case "Buffer": case "Readable":
        return { type: "binary" };
      default:
        throw new Error(`unknown SDK scalar type '${expr.text}'`);
    }
  }
  if (ts.isIdentifier(expr)) {
    const model = models.get(expr.text);
    if (!model) throw new Error(`SDK model ${expr.text} not found`);
    if (stack.includes(model.name)) throw new Error(`SDK model ${model.name} contains itself (${stack.join(" → ")})`);
    return { type: "object", children: fieldTree(model, models, [...stack, model.name], documented) };
  }
  if (ts.isObjectLiteralExpression(expr)) {
    const props = propertyAssignments(expr);
    const kind = props.get("type");
    const kindText = kind && ts.isStringLiteral(kind) ? kind.text : undefined;
    const item = props.get("itemType");
    const value = props.get("valueType");
    if (kindText === "array" && item) return { type: "array", items: typeNode(item, models, stack, documented) };
    if (kindText === "map" && value) return { type: "map", values: typeNode(value, models, stack, documented) };
  }
  throw new Error(`unknown SDK type expression: ${expr.getText()}`);
}

function fieldTree(model: Model, models: Map<string, Model>, stack: string[], documented = false): { [wire: string]: TypeNode } {
  const fields = [...model.fields.values()].sort((a, b) => byKey(a.wire, b.wire));
  return Object.fromEntries(fields.map((f) => {
    const node = typeNode(f.type, models, stack, documented);
    return [f.wire, documented ? withDocFacts(node, f.documented) : node];
  }));
}

function withDocFacts<N extends TypeNode>(node: N, facts: DocFacts): N {
  const out: N = { ...node };
  if (facts.values) out.documentedValues = facts.values;
  if (facts.documentedDefault !== undefined) out.documentedDefault = facts.documentedDefault;
  return out;
}

// ---------------------------------------------------------------------------------------------
// The SDK's client: one `<action>WithOptions` method per action says the method and each parameter's place.

interface Assignment {
  place: Place;
  wire: string;
  /** The property of the request read: a `...Shrink` one when the SDK serialized it first. */
  prop: string;
}

interface ClientMethod {
  action: string;
  method: "GET" | "POST";
  requestModel?: string;
  shrinkModel?: string;
  responseModel: string;
  /** Every request property goes in the query (`OpenApiUtil.query(request.toMap())`). */
  allInQuery: boolean;
  assignments: Assignment[];
  /** `xShrink` → the property it serializes and the style. */
  shrinks: Map<string, { prop: string; style: string }>;
}

const modelRef = (t: ts.TypeNode | undefined): string | undefined => {
  if (!t || !ts.isTypeReferenceNode(t)) return undefined;
  return ts.isQualifiedName(t.typeName) ? t.typeName.right.text : t.typeName.text;
};

const stringProp = (obj: ts.ObjectLiteralExpression, key: string): string | undefined => {
  const v = propertyAssignments(obj).get(key);
  return v && ts.isStringLiteral(v) ? v.text : undefined;
};

function readClientMethod(m: ts.MethodDeclaration): ClientMethod | undefined {
  const name = nameOf(m.name);
  if (!name?.endsWith("WithOptions") || !m.body) return undefined;
  const requestParam = m.parameters.find((p) => ts.isIdentifier(p.name) && (p.name.text === "request" || p.name.text === "tmpReq"));
  const promised = m.type && ts.isTypeReferenceNode(m.type) ? m.type.typeArguments?.[0] : undefined;
  const responseModel = modelRef(promised);
  if (!responseModel) throw new Error(`${name}: no response model in its return type`);
  const out: ClientMethod = {
    action: "", method: "POST", requestModel: modelRef(requestParam?.type), responseModel, allInQuery: false, assignments: [], shrinks: new Map(),
  };
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node)) {
      const callee = node.expression.getText();
      const arg = node.arguments?.[0];
      if (callee.endsWith(".Params") && arg && ts.isObjectLiteralExpression(arg)) {
        out.action = stringProp(arg, "action") ?? "";
        const method = stringProp(arg, "method");
        if (method !== "GET" && method !== "POST") throw new Error(`${name}: unexpected method ${method}`);
        out.method = method;
        if (stringProp(arg, "style") !== "RPC" || stringProp(arg, "version") !== API_VERSION) throw new Error(`${name}: not an RPC ${API_VERSION} action`);
      } else if (/ShrinkRequest$/.test(callee)) {
        out.shrinkModel = callee.split(".").pop();
      }
    }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === "query" && node.initializer
      && /^OpenApiUtil\.query\(request\.toMap\(\)\)$/.test(node.initializer.getText())) {
      out.allInQuery = true;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const { left, right } = node;
      if (ts.isElementAccessExpression(left)) {
        const target = left.expression.getText();
        if (target !== "query" && target !== "body") throw new Error(`${name}: parameters written into '${target}', which this extractor does not know`);
        if (!ts.isStringLiteral(left.argumentExpression) || !ts.isPropertyAccessExpression(right) || right.expression.getText() !== "request") {
          throw new Error(`${name}: unexpected parameter assignment ${node.getText()}`);
        }
        out.assignments.push({ place: target, wire: left.argumentExpression.text, prop: right.name.text });
      } else if (ts.isPropertyAccessExpression(left) && left.name.text.endsWith("Shrink") && ts.isCallExpression(right)) {
        const [source, , style] = right.arguments;
        if (!/arrayToStringWithSpecifiedStyle$/.test(right.expression.getText()) || !source || !ts.isPropertyAccessExpression(source) || !style || !ts.isStringLiteral(style)) {
          throw new Error(`${name}: unexpected shrink ${node.getText()}`);
        }
        out.shrinks.set(left.name.text, { prop: source.name.text, style: style.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(m.body);
  // Older SDK generations call doRPCRequest instead; this reads the Params-object style only.
  if (out.action === "") throw new Error(`${name}: no \`new Params({ action })\` (an SDK generation this extractor does not read)`);
  return out;
}

function readClient(source: ts.SourceFile): Map<string, ClientMethod> {
  const methods = new Map<string, ClientMethod>();
  const visit = (node: ts.Node): void => {
    if (ts.isMethodDeclaration(node)) {
      const m = readClientMethod(node);
      if (m) methods.set(m.action, m);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return methods;
}

// ---------------------------------------------------------------------------------------------
// One action's contract.

function encodingOf(node: TypeNode): Encoding {
  // The SDK flattens arrays as Name.N and objects and maps as Name.Key in the query and the form body alike.
  if (node.type === "array") return "repeatList";
  if (node.type === "object" || node.type === "map") return "flatMap";
  return "plain";
}

function shrinkEncoding(style: string, where: string): Encoding {
  if (style === "json" || style === "repeatList") return style;
  throw new Error(`${where}: shrink style '${style}' is not in the contract's encodings`);
}

function modelOf(models: Map<string, Model>, name: string | undefined, where: string): Model {
  const model = name === undefined ? undefined : models.get(name);
  if (!model) throw new Error(`${where}: SDK model ${name} not found`);
  return model;
}

function param(field: ModelField, wire: string, place: Place, encoding: Encoding, type: TypeNode): ContractParam {
  const p: ContractParam = { name: wire, place, encoding, ...type };
  if (field.required) p.required = true;
  if (field.deprecated) p.deprecated = true;
  return withDocFacts(p, field.documented);
}

function actionContract(m: ClientMethod, models: Map<string, Model>): ContractAction {
  const where = m.action;
  const params: ContractParam[] = [];
  if (m.requestModel !== undefined) {
    const request = modelOf(models, m.requestModel, where);
    const written = m.shrinkModel !== undefined ? modelOf(models, m.shrinkModel, where) : request;
    if (m.allInQuery) {
      for (const field of written.fields.values()) {
        const type = typeNode(field.type, models, [], true);
        params.push(param(field, field.wire, "query", encodingOf(type), type));
      }
    }
    for (const a of m.assignments) {
      const shrink = m.shrinks.get(a.prop);
      if (shrink) {
        const field = request.fields.get(shrink.prop);
        if (!field) throw new Error(`${where}: ${m.requestModel} has no ${shrink.prop}`);
        params.push(param(field, a.wire, a.place, shrinkEncoding(shrink.style, where), typeNode(field.type, models, [], true)));
        continue;
      }
      const field = written.fields.get(a.prop);
      if (!field) throw new Error(`${where}: ${written.name} has no ${a.prop}`);
      const type = typeNode(field.type, models, [], true);
      params.push(param(field, a.wire, a.place, encodingOf(type), type));
    }
  }
  const seen = new Set<string>();
  for (const p of params) {
    if (seen.has(p.name)) throw new Error(`${where}: parameter ${p.name} is written twice`);
    seen.add(p.name);
  }
  params.sort((a, b) => byKey(a.name, b.name));
  const envelope = modelOf(models, m.responseModel, where);
  const body = [...envelope.fields.values()].find((f) => f.wire === "body");
  if (!body || !ts.isIdentifier(body.type)) throw new Error(`${where}: ${envelope.name} has no body model`);
  const response = fieldTree(modelOf(models, body.type.text, where), models, [body.type.text]);
  return { action: m.action, method: m.method, params, response };
}

// ---------------------------------------------------------------------------------------------
// Scope, output and SOURCE.md.

function scope(): Map<string, Consumer[]> {
  const out = new Map<string, Consumer[]>();
  const add = (action: string, who: Consumer) => out.set(action, [...(out.get(action) ?? []), who]);
  for (const action of Object.keys(OPERATIONS)) add(action, "emulator");
  for (const action of Object.keys(catalog)) add(action, "provider");
  return new Map([...out.entries()].sort(([a], [b]) => byKey(a, b)));
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

// ---------------------------------------------------------------------------------------------
// Contracts kept outside the SDK: read as committed, from the committed contract folder.

interface KeptContract {
  contract: ContractAction;
  /** The file as committed, so a copy (--out) is byte for byte the same. */
  text: string;
}

function keptOutsideSdk(): Map<string, KeptContract> {
  const dir = path.join(CONTRACT_DIR, OUTSIDE_SDK_FOLDER);
  const out = new Map<string, KeptContract>();
  if (!fs.existsSync(dir)) return out;
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort(byKey)) {
    const action = name.slice(0, -".json".length);
    const text = fs.readFileSync(path.join(dir, name), "utf8");
    const contract = JSON.parse(text) as ContractAction;
    if (contract.action !== action || !contract.source) throw new Error(`${OUTSIDE_SDK_FOLDER}/${name}: expected action "${action}" and a source`);
    out.set(action, { contract, text });
  }
  return out;
}

function sourceMd(index: ContractIndex, contracts: ContractAction[]): string {
  const s = index.sdk;
  const rows = Object.entries(index.actions).map(([name, e]) => {
    const c = contracts.find((a) => a.action === name);
    const fields = e.responseFields ? `${e.responseFields.total} / ${e.responseFields.leaf}` : "—";
    const method = c ? `${c.method}${e.outsideSdk ? ` (not in the SDK; \`${OUTSIDE_SDK_FOLDER}/\`)` : ""}` : "not in the SDK";
    return `| ${name} | ${e.usedBy.join(", ")} | ${method} | ${c ? c.params.length : "—"} | ${fields} |`;
  });
  const missing = index.missingFromSdk.map((a) => (index.actions[a].outsideSdk ? `${a} (contract in \`${OUTSIDE_SDK_FOLDER}/\`)` : `${a} (unchecked)`));
  return [
    "# Where the contract comes from",
    "",
    "Generated by `scripts/contract/extract.ts`; do not edit these files by hand.",
    "",
    `- Repository: ${s.repository}`,
    `- Folder: \`${s.folder}/\` (package ${s.packageName} ${s.packageVersion})`,
    `- Commit read: \`${s.commit}\` (${s.commitDate})`,
    `- Last commit that changed the folder: \`${s.folderCommit}\` (${s.folderCommitDate})`,
    "",
    "Facts only are taken from the SDK: from `src/client.ts`, each action's HTTP method and which request",
    "fields go into the query or the form body and how (a `...Shrink` field is serialized to one JSON string);",
    "from `src/models/`, each field's wire name (`names()`) and type (`types()`), nested models included,",
    "and whether its documentation says it is required or deprecated; for request fields, nested ones included,",
    "the valid values the documentation lists (`Valid values:` and a list of values, never a boolean's",
    "true/false, nothing when the list is unclear or its example is not in it) and the default it states",
    "(`Default value: x`, one token only), read by `scripts/contract/docFacts.ts`. No SDK code is copied or run.",
    "",
    "## Regenerate",
    "",
    "With a checkout of the SDK repository (or its bare git directory) at the commit wanted:",
    "",
    "```sh",
    "git clone https://github.com/aliyun/alibabacloud-typescript-sdk.git /tmp/alibabacloud-typescript-sdk",
    "npx ts-node --transpile-only scripts/contract/extract.ts /tmp/alibabacloud-typescript-sdk",
    "# a bare git directory, at a given revision:  ... extract.ts /path/to/repo.git --ref <commit>",
    "# compare only, write nothing (exit 1 on a difference):  ... extract.ts <path> --check",
    "```",
    "",
    "The actions in scope are read from the sources: every key of the provider's catalog",
    "(`provider/api/catalog/`) and of the emulator's registry (`emulator/operations/registry.ts`).",
    "`tests/unit/apiContract.test.ts` fails when the scope changes without a regeneration, and checks the",
    "provider's catalog against the contract.",
    "",
    "## Files",
    "",
    "- `index.json`: the SDK source above, every action in scope with who uses it, whether the SDK has it and",
    "  its response field counts, and `missingFromSdk`, the actions in scope that the SDK lacks.",
    "- `actions/<Action>.json`: `method`; `params`, each `{ name, place: query|body, encoding, type, ... }`",
    "  with `documentedValues?` and `documentedDefault?` on it and on its nested fields; `response`, the body's",
    "  field tree (`name → { type, children? | items? | values? }`).",
    "- Encodings: `plain` (one value), `json` (the SDK serializes the structure to one JSON string; the",
    "  type given is the structure's), `repeatList` (`Name.1`, `Name.1.Key`, …), `flatMap` (`Name.Key`).",
    `- \`${OUTSIDE_SDK_FOLDER}/<Action>.json\`: kept by hand, not generated, for an action in scope the SDK lacks; the same shape`,
    "  plus `source`, the public client (repository, commit, and what each file read gave) its facts come from.",
    `  The index marks these \`outsideSdk\`; the strict check holds requests to them like the SDK's. See \`${OUTSIDE_SDK_FOLDER}/SOURCE.md\`.`,
    "",
    "## Actions",
    "",
    `Actions in scope missing from the SDK: ${missing.length === 0 ? "none" : missing.join(", ")}.`,
    "",
    "Response fields: every named field at any depth / those with no named fields below them.",
    "",
    "| Action | Used by | Method | Params | Response fields (total / leaf) |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}

function generate(sdk: SdkTree, outDir: string): Map<string, string> {
  const src = `${FOLDER}/src/`;
  const sources = sdk.files.filter((f) => f.startsWith(src) && f.endsWith(".ts"))
    .map((f) => ts.createSourceFile(f, sdk.read(f), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS));
  const client = sources.find((s) => s.fileName === `${src}client.ts`);
  if (!client) throw new Error(`${src}client.ts not found`);
  const models = readModels(sources);
  const methods = readClient(client);
  const pkg = JSON.parse(sdk.read(`${FOLDER}/package.json`)) as { name: string; version: string };

  const index: ContractIndex = {
    sdk: {
      repository: REPOSITORY, folder: FOLDER, packageName: pkg.name, packageVersion: pkg.version,
      commit: sdk.commit.id, commitDate: sdk.commit.date, folderCommit: sdk.folderCommit.id, folderCommitDate: sdk.folderCommit.date,
    } satisfies SdkSource,
    missingFromSdk: [],
    actions: {},
  };
  const files = new Map<string, string>();
  const contracts: ContractAction[] = [];
  const kept = keptOutsideSdk();
  const inScope = scope();
  for (const action of kept.keys()) {
    if (!inScope.has(action)) throw new Error(`${OUTSIDE_SDK_FOLDER}/${action}.json: nothing uses ${action} any more; delete the file`);
  }
  for (const [action, usedBy] of inScope) {
    const m = methods.get(action);
    const outside = kept.get(action);
    if (m && outside) throw new Error(`the SDK now has ${action}: compare it with ${OUTSIDE_SDK_FOLDER}/${action}.json, then delete that file`);
    if (!m) {
      index.missingFromSdk.push(action);
      index.actions[action] = outside ? { usedBy, inSdk: false, outsideSdk: true, responseFields: countFields(outside.contract.response) } : { usedBy, inSdk: false };
      if (outside) {
        contracts.push(outside.contract);
        // Unchanged where it is; with --out, copied so the folder written is a whole contract.
        files.set(outsideSdkFile(outDir, action), outside.text);
      }
      continue;
    }
    const c = actionContract(m, models);
    contracts.push(c);
    index.actions[action] = { usedBy, inSdk: true, responseFields: countFields(c.response) };
    files.set(actionFile(outDir, action), json(c));
  }
  files.set(path.join(outDir, "index.json"), json(index));
  files.set(path.join(outDir, "SOURCE.md"), sourceMd(index, contracts));
  return files;
}

function main(argv: string[]): number {
  const args = [...argv];
  const flag = (name: string): boolean => {
    const i = args.indexOf(name);
    if (i >= 0) args.splice(i, 1);
    return i >= 0;
  };
  const option = (name: string): string | undefined => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const [, value] = args.splice(i, 2);
    if (value === undefined) throw new Error(`${name} needs a value`);
    return value;
  };
  const check = flag("--check");
  const ref = option("--ref") ?? "HEAD";
  const outDir = path.resolve(option("--out") ?? CONTRACT_DIR);
  if (args.length !== 1 || args[0].startsWith("-")) {
    console.error("usage: extract.ts <sdk-checkout-or-git-dir> [--ref REV] [--check] [--out DIR]");
    return 2;
  }
  const files = generate(openSdk(path.resolve(args[0]), ref), outDir);
  const actionsDir = path.join(outDir, "actions");
  const stale = fs.existsSync(actionsDir)
    ? fs.readdirSync(actionsDir).filter((f) => f.endsWith(".json")).map((f) => path.join(actionsDir, f)).filter((f) => !files.has(f))
    : [];
  const changed = [...files].filter(([file, text]) => !fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text).map(([file]) => file);
  const rel = (f: string) => path.relative(process.cwd(), f);
  if (check) {
    for (const f of [...changed, ...stale]) console.log(`differs: ${rel(f)}`);
    console.log(changed.length + stale.length === 0 ? "contract: up to date" : "contract: out of date; run without --check to regenerate");
    return changed.length + stale.length === 0 ? 0 : 1;
  }
  for (const f of changed) fs.mkdirSync(path.dirname(f), { recursive: true });
  for (const f of stale) fs.rmSync(f);
  for (const f of changed) fs.writeFileSync(f, files.get(f) as string);
  const sdkFiles = [...files.keys()].filter((f) => path.dirname(f) === actionsDir).length;
  console.log(`contract: ${sdkFiles} SDK action files, ${files.size - 2 - sdkFiles} kept outside the SDK, ${changed.length} written, ${stale.length} removed (${rel(outDir)})`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  console.error(`extract: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
