// A JSON Schema (2020-12) validator for the keywords Pulumi's package metaschema uses, so the generated
// package schema is checked against Pulumi's own rules without a validator dependency. A keyword it does not
// implement is an error, not a pass: if a later metaschema uses one, this says so instead of checking less.

type Schema = boolean | { [keyword: string]: unknown };

// Keywords that only annotate: they never make a document invalid (`format` is an annotation by default in 2020-12).
const ANNOTATIONS = new Set(["$schema", "$id", "$comment", "$defs", "title", "description", "format", "default", "examples"]);
const CHECKED = new Set([
  "type", "properties", "required", "additionalProperties", "items", "$ref", "allOf", "anyOf", "oneOf",
  "const", "enum", "pattern", "propertyNames", "minItems", "minLength",
]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function typeMatches(type: string, v: unknown): boolean {
  switch (type) {
    case "object": return isObject(v);
    case "array": return Array.isArray(v);
    case "string": return typeof v === "string";
    case "boolean": return typeof v === "boolean";
    case "number": return typeof v === "number";
    case "integer": return Number.isInteger(v);
    case "null": return v === null;
    default: throw new Error(`unknown JSON Schema type ${type}`);
  }
}

/** "<where>: <what is wrong>" for every rule of `root` the value breaks; empty when it is valid. */
export function validate(root: Schema, value: unknown): string[] {
  const resolve = (ref: string): Schema => {
    if (!ref.startsWith("#/")) throw new Error(`only local references are implemented, not ${ref}`);
    let at: unknown = root;
    for (const part of ref.slice(2).split("/")) at = isObject(at) ? at[part] : undefined;
    if (at === undefined) throw new Error(`${ref} does not resolve`);
    return at as Schema;
  };

  const check = (schema: Schema, v: unknown, where: string): string[] => {
    if (schema === true) return [];
    if (schema === false) return [`${where}: not allowed`];
    const unknown = Object.keys(schema).filter((k) => !CHECKED.has(k) && !ANNOTATIONS.has(k));
    if (unknown.length > 0) throw new Error(`${where}: JSON Schema keywords not implemented: ${unknown.join(", ")}`);
    const problems: string[] = [];
    const s = schema as Record<string, unknown>;
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      if (!types.some((t) => typeMatches(t, v))) return [`${where}: expected ${types.join(" or ")}, got ${JSON.stringify(v)}`];
    }
    if (s.$ref !== undefined) problems.push(...check(resolve(s.$ref as string), v, where));
    for (const sub of (s.allOf as Schema[] | undefined) ?? []) problems.push(...check(sub, v, where));
    if (s.anyOf !== undefined && !(s.anyOf as Schema[]).some((sub) => check(sub, v, where).length === 0)) problems.push(`${where}: matches none of anyOf`);
    if (s.oneOf !== undefined) {
      const matching = (s.oneOf as Schema[]).filter((sub) => check(sub, v, where).length === 0).length;
      if (matching !== 1) problems.push(`${where}: matches ${matching} of oneOf, not exactly one`);
    }
    if ("const" in s && JSON.stringify(s.const) !== JSON.stringify(v)) problems.push(`${where}: is not ${JSON.stringify(s.const)}`);
    if (s.enum !== undefined && !(s.enum as unknown[]).some((e) => JSON.stringify(e) === JSON.stringify(v))) problems.push(`${where}: ${JSON.stringify(v)} is not one of ${JSON.stringify(s.enum)}`);
    if (typeof v === "string") {
      if (s.pattern !== undefined && !new RegExp(s.pattern as string, "u").test(v)) problems.push(`${where}: "${v}" does not match ${String(s.pattern)}`);
      if (s.minLength !== undefined && [...v].length < (s.minLength as number)) problems.push(`${where}: shorter than ${String(s.minLength)}`);
    }
    if (Array.isArray(v)) {
      if (s.minItems !== undefined && v.length < (s.minItems as number)) problems.push(`${where}: fewer than ${String(s.minItems)} items`);
      if (s.items !== undefined) v.forEach((item, i) => problems.push(...check(s.items as Schema, item, `${where}[${i}]`)));
    }
    if (isObject(v)) {
      const properties = (s.properties as Record<string, Schema> | undefined) ?? {};
      for (const name of (s.required as string[] | undefined) ?? []) if (!(name in v)) problems.push(`${where}: ${name} is required`);
      for (const [name, item] of Object.entries(v)) {
        if (s.propertyNames !== undefined) problems.push(...check(s.propertyNames as Schema, name, `${where} key ${name}`));
        if (name in properties) problems.push(...check(properties[name], item, `${where}.${name}`));
        else if (s.additionalProperties !== undefined) problems.push(...check(s.additionalProperties as Schema, item, `${where}.${name}`));
      }
    }
    return problems;
  };

  return check(root, value, "$");
}
