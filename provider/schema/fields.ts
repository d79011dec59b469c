// The field DSL. A resource declares its inputs as a table of field specs; the generic engine
// (check.ts, diff.ts) derives validation, defaults, and change-vs-replace from that table, so no
// resource writes per-field if-chains.
//
//   const spec = {
//     name: f.string({ hint: "the mesh name" }),
//     network: f.object({ vpcId: f.string({ required: true, createOnly: true, hint: "the VPC id (vpc-...)" }) }),
//     edition: f.enumOf(["Default", "Pro"], { createOnly: true }),
//   } satisfies FieldSpecs;

export interface FieldCommon {
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
  /** What to give, used in "required; give <hint>". */
  hint?: string;
}

type NumberOptions = FieldCommon & { default?: number; min?: number; max?: number };

export type Field =
  | (FieldCommon & { kind: "string"; default?: string; pattern?: RegExp; patternHint?: string; allowEmpty?: boolean })
  | (FieldCommon & { kind: "enum"; values: readonly string[]; default?: string })
  | (FieldCommon & { kind: "bool"; default?: boolean })
  | (NumberOptions & { kind: "int" })
  | (NumberOptions & { kind: "number" })
  | (FieldCommon & { kind: "stringList"; minItems?: number; maxItems?: number; itemPattern?: RegExp; itemHint?: string })
  | (FieldCommon & { kind: "stringMap"; maxEntries?: number; keyPattern?: RegExp; keyHint?: string })
  | (FieldCommon & { kind: "object"; fields: FieldSpecs });

export type FieldSpecs = { readonly [name: string]: Field };

type Opts<K extends Field["kind"]> = Omit<Extract<Field, { kind: K }>, "kind">;

export const f = {
  string: (o: Opts<"string"> = {}): Field => ({ kind: "string", ...o }),
  enumOf: (values: readonly string[], o: Omit<Opts<"enum">, "values"> = {}): Field => ({ kind: "enum", values, ...o }),
  bool: (o: Opts<"bool"> = {}): Field => ({ kind: "bool", ...o }),
  int: (o: Opts<"int"> = {}): Field => ({ kind: "int", ...o }),
  number: (o: Opts<"number"> = {}): Field => ({ kind: "number", ...o }),
  stringList: (o: Opts<"stringList"> = {}): Field => ({ kind: "stringList", ...o }),
  stringMap: (o: Opts<"stringMap"> = {}): Field => ({ kind: "stringMap", ...o }),
  object: (fields: FieldSpecs, o: Omit<Opts<"object">, "fields"> = {}): Field => ({ kind: "object", fields, ...o }),
};

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
