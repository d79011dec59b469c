// What every resource class shares, on the program side: its argument type, derived from its kind's field
// table, and the inputs it registers (declared outputs as placeholders, secret inputs wrapped, the
// ownership key). A class adds only what its kind alone has (outputs derived from the id, a default name).
import * as pulumi from "@pulumi/pulumi";
import { holdsSecret, type FieldSpecs, type InputsOf } from "../schema";
import { providerShim, type ResourceKind } from "../shim";
import { ownerInput } from "./ownerKey";

type DeepInput<T> = T extends readonly (infer E)[]
  ? pulumi.Input<DeepInput<E>>[]
  : T extends object ? { [K in keyof T]: pulumi.Input<DeepInput<T[K]>> } : T;

/**
 * A resource class's argument type, from its kind's field table: the fields the table requires are
 * required, and every value may be an Input (a promise or another resource's output) at every depth.
 */
export type ArgsOf<S> = { [K in keyof InputsOf<S>]: pulumi.Input<DeepInput<InputsOf<S>[K]>> };

/** The part of a kind's description the program side needs. */
export interface ClassShape {
  fields: FieldSpecs;
  /** Output property names the class declares. */
  outputs: readonly string[];
  /** Outputs that hold secret material no input of the same name marks (a mesh's kubeconfig). */
  secretOutputs?: readonly string[];
}

/** The inputs holding secret material: a secret field, or a group or list with one inside. */
export function secretInputs(fields: FieldSpecs): string[] {
  return Object.entries(fields).filter(([, field]) => holdsSecret(field)).map(([name]) => name);
}

export abstract class AsmResource extends pulumi.dynamic.Resource {
  /** `extra`: inputs the class computes (they give way to the program's own args). */
  protected constructor(kind: ResourceKind, name: string, args: object, opts: pulumi.CustomResourceOptions | undefined, shape: ClassShape, extra: pulumi.Inputs = {}) {
    const given = args as pulumi.Inputs;
    const secrets = secretInputs(shape.fields);
    // A secret input stays encrypted in the state's inputs too, even when the program passes plain text.
    const wrapped = Object.fromEntries(secrets.filter((k) => given[k] !== undefined).map((k) => [k, pulumi.secret(given[k])]));
    // Undefined inputs make the engine's outputs appear as the class's declared properties.
    const outputs = Object.fromEntries(shape.outputs.map((k) => [k, undefined]));
    const props = { ...outputs, ...extra, ...given, ...wrapped, ...ownerInput(kind, name, opts) };
    // The outputs of the same names would otherwise be stored and shown in clear.
    const additionalSecretOutputs = [...secrets, ...(shape.secretOutputs ?? [])];
    super(providerShim(kind), name, props, pulumi.mergeOptions(opts, { additionalSecretOutputs }), "asm", kind);
  }
}
