// The Pulumi package schema (provider/packageSchema.ts) says what the descriptions say and nothing else:
// the committed schema.json is the generated one, it is valid under Pulumi's own metaschema, and every field
// of every kind and of every function's arguments and result is in it with its description, required-ness,
// secret-ness, replacement and default.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CONFIG_KEYS } from "../../provider/configKeys";
import { secretInputs } from "../../provider/framework/resourceClass";
import { FUNCTIONS } from "../../provider/functions";
import { configFields, DESCRIPTIONS, functionToken, packageSchema, typeToken } from "../../provider/packageSchema";
import { RETIRED_MESH_PARAMS } from "../../provider/resources/serviceMesh/params";
import { Field, FieldSpecs, holdsSecret } from "../../provider/schema";
import type { ComplexTypeSpec, PropertySpec, TypeSpec } from "../../provider/schema/pulumiSchema";
import { packageFacts, SCHEMA_FILE, schemaText } from "../../scripts/lib/schemaFile";
import { validate } from "./jsonSchemaSubset";

const ROOT = path.resolve(__dirname, "..", "..");
const schema = packageSchema(packageFacts());
const KINDS = Object.keys(DESCRIPTIONS) as (keyof typeof DESCRIPTIONS)[];
const FUNCTION_NAMES = Object.keys(FUNCTIONS) as (keyof typeof FUNCTIONS)[];

/** Pulumi's metaschema from the Go module cache, at the version the bootstrap builds the CLI from. */
function metaschemaPath(): string | undefined {
  const goMod = fs.readFileSync(path.join(ROOT, "scripts", "pulumi-cli", "go.mod"), "utf8");
  const version = /github\.com\/pulumi\/pulumi\/pkg\/v3 (v\S+)/.exec(goMod)?.[1];
  const fromGo = spawnSync("go", ["env", "GOMODCACHE"], { encoding: "utf8" });
  const cache = fromGo.status === 0 && fromGo.stdout.trim() !== "" ? fromGo.stdout.trim()
    : process.env.GOMODCACHE ?? path.join(process.env.GOPATH ?? path.join(os.homedir(), "go"), "pkg", "mod");
  const file = path.join(cache, "github.com", "pulumi", "pulumi", "pkg", `v3@${version}`, "codegen", "schema", "pulumi.json");
  return version !== undefined && fs.existsSync(file) ? file : undefined;
}
const METASCHEMA = metaschemaPath();

function namedType(ref: TypeSpec): ComplexTypeSpec {
  if (!("$ref" in ref) || !ref.$ref.startsWith("#/types/")) throw new Error(`${JSON.stringify(ref)} is not a named type`);
  const type = schema.types[ref.$ref.slice("#/types/".length)];
  if (type === undefined) throw new Error(`${ref.$ref} is not defined`);
  return type;
}

/** "path: what differs" between a field and its schema type, at every depth. */
function typeProblems(field: Field, spec: TypeSpec, at: string): string[] {
  // The type part of a property spec: what is left once description, default and the flags are set aside.
  const type = Object.fromEntries(Object.entries(spec).filter(([k]) => ["type", "items", "additionalProperties", "$ref"].includes(k)));
  const is = (expected: object) => (JSON.stringify(type) === JSON.stringify(expected) ? [] : [`${at}: ${field.kind} is ${JSON.stringify(type)}`]);
  switch (field.kind) {
    case "string": return is({ type: "string" });
    case "bool": return is({ type: "boolean" });
    case "int": return is({ type: "integer" });
    case "number": return is({ type: "number" });
    case "stringList": return is({ type: "array", items: { type: "string" } });
    case "stringMap": return is({ type: "object", additionalProperties: { type: "string" } });
    case "json": return is({ type: "object", additionalProperties: { $ref: "pulumi.json#/Any" } });
    case "enum": {
      const type = namedType(spec);
      return "enum" in type && JSON.stringify(type.enum.map((e) => e.value)) === JSON.stringify(field.values) ? [] : [`${at}: enum values differ`];
    }
    case "list": return "items" in spec ? typeProblems(field.item, spec.items, `${at}[]`) : [`${at}: a list is ${JSON.stringify(spec)}`];
    case "object": {
      const type = namedType(spec);
      if (!("properties" in type)) return [`${at}: an object is an enum`];
      const required = Object.entries(field.fields).filter(([, f]) => f.required === true).map(([k]) => k);
      const own = JSON.stringify(type.required ?? []) === JSON.stringify(required) ? [] : [`${at}: required ${JSON.stringify(type.required)}, the fields ${JSON.stringify(required)}`];
      return [...own, ...fieldsProblems(field.fields, type.properties, `${at}.`)];
    }
  }
}

function propertyProblems(field: Field, spec: PropertySpec | undefined, at: string): string[] {
  if (spec === undefined) return [`${at}: missing`];
  const differs = (what: string, schemaSays: unknown, fieldSays: unknown) =>
    (JSON.stringify(schemaSays) === JSON.stringify(fieldSays) ? [] : [`${at}: ${what} is ${JSON.stringify(schemaSays)}, the field says ${JSON.stringify(fieldSays)}`]);
  return [
    ...differs("description", spec.description, field.description),
    ...differs("secret", spec.secret === true, holdsSecret(field)),
    ...differs("willReplaceOnChanges", spec.willReplaceOnChanges === true, field.createOnly === true),
    ...differs("default", spec.default, "default" in field ? field.default : undefined),
    ...typeProblems(field, spec, at),
  ];
}

function fieldsProblems(fields: FieldSpecs, properties: Record<string, PropertySpec>, prefix = ""): string[] {
  const extra = Object.keys(properties).filter((k) => !(k in fields)).map((k) => `${prefix}${k}: in the schema, not a field`);
  return [...extra, ...Object.entries(fields).flatMap(([name, field]) => propertyProblems(field, properties[name], `${prefix}${name}`))];
}

/** Every `$ref` in the document. */
const refs = (v: unknown): string[] =>
  Array.isArray(v) ? v.flatMap(refs)
  : typeof v === "object" && v !== null ? Object.entries(v).flatMap(([k, x]) => (k === "$ref" && typeof x === "string" ? [x] : refs(x)))
  : [];

/** Every property spec of the document, by where it is: "<resource or type token>.<name>" or "config.<name>". */
const allProperties = (): [string, PropertySpec][] => [
  ...Object.entries(schema.config.variables).map(([k, p]): [string, PropertySpec] => [`config.${k}`, p]),
  ...Object.entries(schema.resources).flatMap(([token, r]) => Object.entries(r.properties).map(([k, p]): [string, PropertySpec] => [`${token}.${k}`, p])),
  ...Object.entries(schema.functions).flatMap(([token, fn]) => [...Object.entries(fn.inputs.properties), ...Object.entries(fn.outputs.properties)].map(([k, p]): [string, PropertySpec] => [`${token}.${k}`, p])),
  ...Object.entries(schema.types).flatMap(([token, t]) => ("properties" in t ? Object.entries(t.properties) : []).map(([k, p]): [string, PropertySpec] => [`${token}.${k}`, p])),
];

describe("package schema", () => {
  it("schema.json is what the descriptions generate (run npm run schema after changing a field table)", () => {
    expect(fs.readFileSync(SCHEMA_FILE, "utf8")).toBe(schemaText());
  });

  // The metaschema comes with the Pulumi Go modules the bootstrap builds the CLI from; a CLI reused from PATH
  // leaves the module cache empty, and then only the checks below hold the schema.
  (METASCHEMA ? it : it.skip)("is valid under Pulumi's own package metaschema (codegen/schema/pulumi.json)", () => {
    const metaschema = JSON.parse(fs.readFileSync(METASCHEMA ?? "", "utf8")) as Record<string, unknown>;
    expect(validate(metaschema, JSON.parse(schemaText()))).toEqual([]);
  });

  (METASCHEMA ? it : it.skip)("refuses under the metaschema a property of no known type, so a pass means something", () => {
    const metaschema = JSON.parse(fs.readFileSync(METASCHEMA ?? "", "utf8")) as Record<string, unknown>;
    const broken = JSON.parse(schemaText()) as Record<string, Record<string, Record<string, unknown>>>;
    broken.resources[typeToken("ServiceMesh")].inputProperties = { name: { type: "text" } };
    expect(validate(metaschema, broken)).toEqual([expect.stringContaining("inputProperties.name")]);
  });

  it("names the package asm at package.json's version, with a resource asm:index:<Kind> for every registered kind", () => {
    expect(schema).toMatchObject({ name: "asm", version: packageFacts().version, license: "Apache-2.0" });
    expect(Object.keys(schema.resources)).toEqual(["asm:index:ServiceMesh", "asm:index:ClusterAttachment", "asm:index:ASMGateway", "asm:index:GatewaySecret", "asm:index:GatewayRoute"]);
  });

  it("names a function asm:index:<name> for every function in the table, described by its summary", () => {
    expect(Object.keys(schema.functions)).toEqual(["asm:index:getServiceMeshes", "asm:index:getVersions"]);
    for (const name of FUNCTION_NAMES) expect(schema.functions[functionToken(name)].description).toBe(FUNCTIONS[name].summary);
  });

  it.each(FUNCTION_NAMES)("every %s argument and result field, at every depth, has its description, type, required-ness and secret-ness", (name) => {
    const d = FUNCTIONS[name];
    const fn = schema.functions[functionToken(name)];
    expect(fieldsProblems(d.inputs, fn.inputs.properties)).toEqual([]);
    expect(fieldsProblems(d.outputs, fn.outputs.properties)).toEqual([]);
    const required = (fields: FieldSpecs) => Object.entries(fields).filter(([, f]) => f.required === true).map(([k]) => k);
    expect(fn.inputs.required ?? []).toEqual(required(d.inputs));
    expect(fn.outputs.required ?? []).toEqual(required(d.outputs));
  });

  it("defines every named type a property refers to, and no type nothing refers to", () => {
    const local = [...new Set(refs(schema).filter((r) => r.startsWith("#/types/")).map((r) => r.slice("#/types/".length)))].sort();
    expect(local).toEqual(Object.keys(schema.types).sort());
    expect(refs(schema).filter((r) => !r.startsWith("#/types/"))).toEqual(expect.arrayContaining(["pulumi.json#/Any"]));
    expect(new Set(refs(schema).filter((r) => !r.startsWith("#/types/")))).toEqual(new Set(["pulumi.json#/Any"]));
  });

  it.each(KINDS)("every %s field, at every depth, has its description, type, required-ness, secret-ness, replacement and default", (kind) => {
    const d = DESCRIPTIONS[kind];
    const resource = schema.resources[typeToken(kind)];
    expect(fieldsProblems(d.fields, resource.inputProperties)).toEqual([]);
    const required = Object.entries(d.fields).filter(([, f]) => f.required === true).map(([k]) => k);
    expect(resource.requiredInputs ?? []).toEqual(required);
    expect(resource.properties).toMatchObject(resource.inputProperties);
  });

  it.each(KINDS)("every %s output is published typed and described, or is a private state record", (kind) => {
    const d = DESCRIPTIONS[kind];
    const outputFields = d.outputFields ?? {};
    expect([...Object.keys(outputFields), ...(d.privateOutputs ?? [])].sort()).toEqual([...d.outputs].sort());
    const resource = schema.resources[typeToken(kind)];
    const published = Object.fromEntries(Object.keys(outputFields).map((k) => [k, resource.properties[k]]));
    expect(fieldsProblems(outputFields, published)).toEqual([]);
    expect(Object.keys(resource.properties).sort()).toEqual([...Object.keys(d.fields), ...Object.keys(outputFields)].sort());
    const always = [...Object.entries(d.fields), ...Object.entries(outputFields)].filter(([, f]) => f.required === true).map(([k]) => k);
    expect(resource.required ?? []).toEqual(always);
  });

  it("marks secret exactly the inputs the resource classes register as secret, and the mesh's kubeconfig", () => {
    const secretProperties = (props: Record<string, PropertySpec>) => Object.keys(props).filter((k) => props[k].secret === true);
    for (const kind of KINDS) {
      expect([kind, secretProperties(schema.resources[typeToken(kind)].inputProperties)]).toEqual([kind, secretInputs(DESCRIPTIONS[kind].fields)]);
    }
    expect(secretProperties(schema.resources[typeToken("ServiceMesh")].properties)).toEqual(["ca", "kubeconfig"]);
  });

  it("deprecates exactly the retired ServiceMesh inputs, with the warning check gives", () => {
    const deprecated = allProperties().filter(([, p]) => p.deprecationMessage !== undefined).map(([where]) => where);
    expect(deprecated).toEqual(["asm:index:ServiceMeshFeatures.globalRateLimit"]);
    const feature = schema.types["asm:index:ServiceMeshFeatures"];
    expect("properties" in feature && feature.properties.globalRateLimit.deprecationMessage).toBe(DESCRIPTIONS.ServiceMesh.deprecatedInputs?.["features.globalRateLimit"]);
    expect(RETIRED_MESH_PARAMS.map((p) => p.path)).toEqual(Object.keys(DESCRIPTIONS.ServiceMesh.deprecatedInputs ?? {}));
    expect(DESCRIPTIONS.ServiceMesh.validate?.({ features: { globalRateLimit: true } }, {}).warnings).toEqual([DESCRIPTIONS.ServiceMesh.deprecatedInputs?.["features.globalRateLimit"]]);
  });

  it("publishes no state marker or private record, only user inputs and outputs", () => {
    const names = allProperties().map(([where]) => where.slice(where.lastIndexOf(".") + 1));
    expect(names.filter((n) => n.startsWith("__"))).toEqual([]);
    expect(names).not.toEqual(expect.arrayContaining(["createFailed"]));
    expect(Object.keys(schema.resources[typeToken("ASMGateway")].properties)).not.toEqual(expect.arrayContaining(["serverSpec"]));
    expect(Object.keys(schema.resources[typeToken("ASMGateway")].properties)).not.toEqual(expect.arrayContaining(["serverSpecKeys"]));
    // adoptId and adopt are the user's way to take over an existing object.
    expect(schema.resources[typeToken("ServiceMesh")].inputProperties.adoptId).toBeDefined();
  });

  it("configures the provider with every key docs/configuration.md lists, secret where the docs say so", () => {
    const docs = fs.readFileSync(path.join(ROOT, "docs", "configuration.md"), "utf8");
    const table = docs.slice(docs.indexOf("## Settings"), docs.indexOf("## Where credentials come from"));
    const rows = table.split("\n").filter((l) => l.startsWith("| ") && /`(asm|alicloud):/.test(l));
    const documented = rows.map((l) => /`((?:asm|alicloud):\w+)`/.exec(l)?.[1]);
    const secretInDocs = rows.filter((l) => /--secret|\(secret\)/.test(l)).map((l) => /`((?:asm|alicloud):\w+)`/.exec(l)?.[1]);
    const keys = Object.values(CONFIG_KEYS);
    expect(keys.map((k) => k.stackKey).sort()).toEqual([...documented].sort());
    expect(keys.filter((k) => k.field.secret === true).map((k) => k.stackKey).sort()).toEqual([...secretInDocs].sort());
    expect(fieldsProblems(configFields(), schema.config.variables)).toEqual([]);
    expect(schema.provider.inputProperties).toEqual(schema.config.variables);
  });

  it("each config key is one provider/config.ts reads", () => {
    const source = fs.readFileSync(path.join(ROOT, "provider", "config.ts"), "utf8");
    expect(Object.values(CONFIG_KEYS).map((k) => k.stackKey).filter((key) => !source.includes(`"${key}"`))).toEqual([]);
  });
});
