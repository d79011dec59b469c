// The field DSL. A resource kind declares its inputs as a table of field specs; the generic engine
// (check.ts, diff.ts, wire.ts, resource.ts) derives validation, defaults, change-vs-replace and the
// mapping to and from the API from that table, so no kind writes per-field if-chains or repeats a field.
//
//   const spec = {
//     name: f.string({ description: "The mesh name.", wire: "Name" }),
//     network: f.object({ vpcId: f.string({ required: true, createOnly: true, hint: "the VPC id (vpc-...)" }) }),
//     edition: f.enumOf(["Default", "Pro"], { createOnly: true }),
//     ports: f.list(f.object({ port: f.int({ required: true }) })),
//   } satisfies FieldSpecs;

export interface FieldCommon {
  /** One sentence saying what the field is; the Pulumi schema and the reference docs take it from here. */
  description?: string;
  required?: boolean;
  /** Changing the field replaces the resource. */
  createOnly?: boolean;
  /** Meaningful only when the resource is created (e.g. adopt): a later change is no change at all. */
  createTimeOnly?: boolean;
  /**
   * An updatable field whose new value is wholly unknown replaces the resource. The engine asks this when a
   * resource the field's value comes from is deleted before its replacement (calculateDependentReplacements):
   * a gateway must leave a cluster before the cluster's attachment can be re-created.
   */
  replaceWhenUnknown?: boolean;
  /** For a createOnly field: the changes the API can still make in place (e.g. edition Default → Pro). */
  inPlaceWhen?: (before: unknown, after: unknown) => boolean;
  /** Never echoed in messages. */
  secret?: boolean;
  /** The API fills the field in when the program leaves it unset: an unset input then is no change. */
  computed?: boolean;
  /** What to give, used in "required; give <hint>". */
  hint?: string;
  /**
   * Dotted path of the value in what the API is sent, relative to the enclosing wired group or list item
   * (a field without one under a wired parent uses its own name; at the top level it is not sent).
   */
  wire?: string;
  /**
   * Where the API reports the value when that differs from `wire` (same relative rules); several paths: the
   * first one reported is read (the API files some values under one of several fields by their content);
   * false: it does not report it.
   */
  readBack?: string | readonly string[] | false;
}

type NumberOptions = FieldCommon & { default?: number; min?: number; max?: number };

export type Field =
  // `jsonText`: the string is JSON the API reports back as a structure; equal JSON is the same value.
  | (FieldCommon & { kind: "string"; default?: string; pattern?: RegExp; patternHint?: string; allowEmpty?: boolean; jsonText?: boolean })
  | (FieldCommon & { kind: "enum"; values: readonly string[]; default?: string })
  | (FieldCommon & { kind: "bool"; default?: boolean })
  | (NumberOptions & { kind: "int" })
  | (NumberOptions & { kind: "number" })
  | (FieldCommon & { kind: "stringList"; minItems?: number; maxItems?: number; itemPattern?: RegExp; itemHint?: string })
  | (FieldCommon & { kind: "stringMap"; maxEntries?: number; keyPattern?: RegExp; keyHint?: string })
  | (FieldCommon & { kind: "object"; fields: FieldSpecs })
  // A list of any field kind, objects included; `itemsHint` words one message for every bad item.
  | (FieldCommon & { kind: "list"; item: Field; minItems?: number; itemsHint?: string })
  // A free JSON object. `reservedKeys` belong to typed fields; `spread` merges its keys into the wire
  // object at `wire` and takes back every key there that no other field claims.
  | (FieldCommon & { kind: "json"; reservedKeys?: readonly string[]; spread?: boolean });

export type FieldSpecs = { readonly [name: string]: Field };

type Opts<K extends Field["kind"]> = Omit<Extract<Field, { kind: K }>, "kind">;
type Made<K extends Field["kind"], O> = Extract<Field, { kind: K }> & O;

// Each constructor keeps the literal options in its type, so argument types can be derived (InputsOf).
export const f = {
  string: <const O extends Opts<"string">>(o: O = {} as O): Made<"string", O> => ({ kind: "string", ...o }),
  enumOf: <const V extends readonly string[], const O extends Omit<Opts<"enum">, "values">>(values: V, o: O = {} as O): Made<"enum", O & { values: V }> =>
    ({ kind: "enum", ...o, values }),
  bool: <const O extends Opts<"bool">>(o: O = {} as O): Made<"bool", O> => ({ kind: "bool", ...o }),
  int: <const O extends Opts<"int">>(o: O = {} as O): Made<"int", O> => ({ kind: "int", ...o }),
  number: <const O extends Opts<"number">>(o: O = {} as O): Made<"number", O> => ({ kind: "number", ...o }),
  stringList: <const O extends Opts<"stringList">>(o: O = {} as O): Made<"stringList", O> => ({ kind: "stringList", ...o }),
  stringMap: <const O extends Opts<"stringMap">>(o: O = {} as O): Made<"stringMap", O> => ({ kind: "stringMap", ...o }),
  object: <const S extends FieldSpecs, const O extends Omit<Opts<"object">, "fields">>(fields: S, o: O = {} as O): Made<"object", O & { fields: S }> =>
    ({ kind: "object", ...o, fields }),
  list: <const I extends Field, const O extends Omit<Opts<"list">, "item">>(item: I, o: O = {} as O): Made<"list", O & { item: I }> =>
    ({ kind: "list", ...o, item }),
  json: <const O extends Opts<"json">>(o: O = {} as O): Made<"json", O> => ({ kind: "json", ...o }),
};

/** Whether the field is secret or holds a secret field at some depth (a group or list with one inside). */
export const holdsSecret = (field: Field): boolean =>
  field.secret === true || (field.kind === "object" && Object.values(field.fields).some(holdsSecret)) || (field.kind === "list" && holdsSecret(field.item));

/** The free-form JSON the json field kind carries. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

type ValueOf<F> =
  F extends { kind: "string" } ? string
  : F extends { kind: "enum"; values: readonly (infer V)[] } ? V
  : F extends { kind: "bool" } ? boolean
  : F extends { kind: "int" | "number" } ? number
  : F extends { kind: "stringList" } ? string[]
  : F extends { kind: "stringMap" } ? Record<string, string>
  : F extends { kind: "object"; fields: infer S } ? InputsOf<S>
  : F extends { kind: "list"; item: infer I } ? ValueOf<I>[]
  : F extends { kind: "json" } ? JsonObject
  : never;

// A nested table's type is FieldSpecs & { its fields } (the constructors keep both): only the declared
// names count, not FieldSpecs' index signature, which would let any key and any value through.
type Declared<S> = { [K in keyof S as string extends K ? never : K]: S[K] };
type RequiredKeys<S> = { [K in keyof S]: S[K] extends { required: true } ? K : never }[keyof S];
type Split<S> = { [K in RequiredKeys<S>]: ValueOf<S[K]> } & { [K in Exclude<keyof S, RequiredKeys<S>>]?: ValueOf<S[K]> };

/** The argument type a field table describes: required fields required, every other one optional. */
export type InputsOf<S> = Split<Declared<S>>;

type Present<S> = { [K in keyof S]: S[K] extends { required: true } | { default: unknown } ? K : never }[keyof S];

/** The inputs a field table's check hands on: the required fields and those with a default are present. */
export type CheckedInputsOf<S> = InputsOf<S> & { [K in Present<Declared<S>>]-?: ValueOf<Declared<S>[K]> };

/**
 * Reads props that passed the kind's check as its checked inputs. The check is what makes the cast
 * true, so the one cast lives here rather than in every lifecycle.
 */
export const checkedInputs = <S extends FieldSpecs>(_fields: S) => (p: Props): CheckedInputsOf<S> => p as unknown as CheckedInputsOf<S>;

/**
 * The value Pulumi passes for an input that is not known yet during preview
 * (`pulumi.runtime.unknownValue`, repeated here because schema/ never imports @pulumi/*).
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export const isUnknown = (v: unknown): boolean => v === UNKNOWN;

export type Props = Record<string, unknown>;

export function isPlainObject(v: unknown): v is Props {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
