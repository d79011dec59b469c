// The Pulumi package schema (codegen/schema/pulumi.json, the metaschema) of field tables and resource
// descriptions. Generated, never written by hand, so the schema the native plugin serves cannot say anything
// the descriptions do not. Pure: the same tables give the same document, key order included, so the
// committed schema.json can be compared byte for byte.
import { Field, FieldSpecs, holdsSecret } from "./fields";
import type { FunctionDescription } from "./function";
import { ResourceDescription } from "./resource";

/** A reference to a type: a primitive, an array, a map, or a named type ("#/types/<token>", "pulumi.json#/Any"). */
export type TypeSpec =
  | { type: "string" | "boolean" | "integer" | "number" }
  | { type: "array"; items: TypeSpec }
  | { type: "object"; additionalProperties: TypeSpec }
  | { $ref: string };

export type PropertySpec = TypeSpec & {
  description?: string;
  default?: string | number | boolean;
  secret?: boolean;
  /**
   * Documentation only: the provider's own diff replaces the resource. Not `replaceOnChanges`, which makes
   * the generated SDKs force a replacement on every change, also the ones a field allows in place
   * (`inPlaceWhen`, e.g. edition Default → Pro).
   */
  willReplaceOnChanges?: boolean;
  deprecationMessage?: string;
};

export interface ObjectTypeSpec {
  type: "object";
  description?: string;
  properties: Record<string, PropertySpec>;
  required?: string[];
}

export interface EnumTypeSpec {
  type: "string";
  description?: string;
  enum: { value: string }[];
}

export type ComplexTypeSpec = ObjectTypeSpec | EnumTypeSpec;

/** A function's inputs or outputs: an object type given in place (functionSpec's objectTypeSpec). */
export interface FunctionObjectSpec {
  type: "object";
  properties: Record<string, PropertySpec>;
  required?: string[];
}

export interface FunctionSpec {
  description: string;
  inputs: FunctionObjectSpec;
  outputs: FunctionObjectSpec;
}

export interface ResourceSpec {
  description?: string;
  inputProperties: Record<string, PropertySpec>;
  requiredInputs?: string[];
  properties: Record<string, PropertySpec>;
  required?: string[];
}

/** Collects the named types (objects, enums) the properties refer to, by token. */
export class NamedTypes {
  private readonly byToken = new Map<string, ComplexTypeSpec>();

  /** `prefix` makes a type name a token, e.g. "asm:index:". */
  constructor(private readonly prefix: string) {}

  /** Registers the type under `name` and returns its reference; a second, different type of that name is a bug. */
  add(name: string, spec: ComplexTypeSpec): TypeSpec {
    const token = `${this.prefix}${name}`;
    const known = this.byToken.get(token);
    if (known !== undefined && JSON.stringify(known) !== JSON.stringify(spec)) throw new Error(`two different types are named ${token}`);
    this.byToken.set(token, spec);
    return { $ref: `#/types/${token}` };
  }

  /** Every type, sorted by token so the document does not depend on the order fields were visited. */
  all(): Record<string, ComplexTypeSpec> {
    return Object.fromEntries([...this.byToken.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}

const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** Where a field sits: the type name its own named types take, and its dotted input path. */
export interface Place {
  typeName: string;
  path: string;
  deprecated: Readonly<Record<string, string>>;
}

function typeOf(field: Field, at: Place, types: NamedTypes): TypeSpec {
  switch (field.kind) {
    case "string": return { type: "string" };
    case "bool": return { type: "boolean" };
    case "int": return { type: "integer" };
    case "number": return { type: "number" };
    case "stringList": return { type: "array", items: { type: "string" } };
    case "stringMap": return { type: "object", additionalProperties: { type: "string" } };
    // The generated SDKs give an enum a type of its own only when it is named (an inline enum is a plain string).
    case "enum": return types.add(at.typeName, { type: "string", ...described(field), enum: field.values.map((value) => ({ value })) });
    case "object": {
      const { properties, required } = propertiesOf(field.fields, at, types);
      return types.add(at.typeName, { type: "object", ...described(field), properties, ...nonEmpty("required", required) });
    }
    case "list": return { type: "array", items: typeOf(field.item, { ...at, typeName: `${at.typeName}Item` }, types) };
    // Always an object (JsonObject), so a map of anything rather than pulumi.json#/Any itself.
    case "json": return { type: "object", additionalProperties: { $ref: "pulumi.json#/Any" } };
  }
}

const described = (field: Field): { description?: string } => (field.description === undefined ? {} : { description: field.description });

function nonEmpty<K extends string>(key: K, list: string[]): Partial<Record<K, string[]>> {
  return list.length === 0 ? {} : ({ [key]: list } as Record<K, string[]>);
}

/** The schema of one field: its type, description, default, and whether it is secret, replaces, or is retired. */
function propertyOf(field: Field, at: Place, types: NamedTypes): PropertySpec {
  const deprecationMessage = at.deprecated[at.path];
  return {
    ...typeOf(field, at, types),
    ...described(field),
    ...("default" in field && field.default !== undefined ? { default: field.default } : {}),
    ...(holdsSecret(field) ? { secret: true } : {}),
    ...(field.createOnly === true ? { willReplaceOnChanges: true } : {}),
    ...(deprecationMessage === undefined ? {} : { deprecationMessage }),
  };
}

/** The properties of a field table and the names it requires, each field's named types taking `at.typeName` plus its name. */
export function propertiesOf(fields: FieldSpecs, at: Place, types: NamedTypes): { properties: Record<string, PropertySpec>; required: string[] } {
  const properties = Object.fromEntries(Object.entries(fields).map(([name, field]) => [
    name,
    propertyOf(field, { ...at, typeName: `${at.typeName}${pascal(name)}`, path: at.path === "" ? name : `${at.path}.${name}` }, types),
  ]));
  const required = Object.entries(fields).filter(([, field]) => field.required === true).map(([name]) => name);
  return { properties, required };
}

/** A field table at the top of a document (a resource's inputs, the provider's config), its types named after `typeName`. */
export const topLevel = (typeName: string, deprecated: Readonly<Record<string, string>> = {}): Place => ({ typeName, path: "", deprecated });

/**
 * A resource's schema: its inputs, and as properties its inputs (the state echoes them) and its published
 * outputs. `required` lists what every state holds: the required inputs and the outputs marked required.
 */
export function resourceSpecOf(d: ResourceDescription, types: NamedTypes): ResourceSpec {
  const outputFields = d.outputFields ?? {};
  const clash = Object.keys(outputFields).filter((k) => k in d.fields);
  if (clash.length > 0) throw new Error(`${d.kind}: outputs ${clash.join(", ")} are also inputs; an input is published as it is`);
  const place = topLevel(d.kind, d.deprecatedInputs);
  const inputs = propertiesOf(d.fields, place, types);
  const outputs = propertiesOf(outputFields, place, types);
  return {
    ...(d.summary === undefined ? {} : { description: d.summary }),
    inputProperties: inputs.properties,
    ...nonEmpty("requiredInputs", inputs.required),
    properties: { ...inputs.properties, ...outputs.properties },
    ...nonEmpty("required", [...inputs.required, ...outputs.required]),
  };
}

/**
 * A function's schema: its arguments as `inputs`, its result as `outputs`, their named types after the
 * function's name ("getServiceMeshes" → GetServiceMeshesMeshesItem for an item of the `meshes` list).
 */
export function functionSpecOf(d: FunctionDescription, types: NamedTypes): FunctionSpec {
  const inputs = propertiesOf(d.inputs, topLevel(`${pascal(d.name)}Args`), types);
  const outputs = propertiesOf(d.outputs, topLevel(pascal(d.name)), types);
  return {
    description: d.summary,
    inputs: { type: "object", properties: inputs.properties, ...nonEmpty("required", inputs.required) },
    outputs: { type: "object", properties: outputs.properties, ...nonEmpty("required", outputs.required) },
  };
}
