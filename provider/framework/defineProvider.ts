// defineProvider(spec, crud): turns a declarative spec plus four CRUD functions into a
// pulumi.dynamic.ResourceProvider. It owns everything generic:
//   - configure: stores the stack config in provider/config.ts (never in serialized state),
//   - check/diff: the schema engine driven by the kind's description (schema/resource.ts),
//   - a fresh ProviderContext per call,
//   - partial-state errors keep `__provider` so Pulumi can later read and delete the resource,
//   - read returns inputs as well as outputs so a refresh without drift previews as no change.
import type * as pulumi from "@pulumi/pulumi";
import { setStackConfig } from "../config";
import {
  ADOPTED_KEY, adoptedPaths, checkResource, diffInputs, diffResource, FieldSpecs, InputDiff, Props, ResourceDescription, withAdopted, withoutAdopted,
} from "../schema";
import { buildContext, ProviderContext } from "./context";
import { isResourceInitError } from "./errors";
import { lookupOwnerOf, mayAdopt, noteInState, withOwnerInput, withRecordedOwner } from "./ownership";
import { pulumiLogger } from "./progress";

/** A kind's description (schema/resource.ts): check and diff come from it alone. */
export type ResourceSpec = ResourceDescription;

export interface ReadResult {
  id: string;
  props: Props;
  inputs: Props;
}

export interface Crud {
  create(inputs: Props, ctx: ProviderContext): Promise<{ id: string; outs: Props }>;
  /** Undefined when the object is gone: Pulumi then drops it from state. */
  read(id: string, props: Props, ctx: ProviderContext): Promise<ReadResult | undefined>;
  update(id: string, olds: Props, news: Props, diff: InputDiff, ctx: ProviderContext): Promise<Props>;
  delete(id: string, props: Props, ctx: ProviderContext): Promise<void>;
  /**
   * For `pulumi import` through the native plugin, which knows only the id: every input the live object
   * reports, which read then takes as declared. Kinds whose id alone gives read all their inputs leave it out.
   */
  importInputs?(id: string, ctx: ProviderContext): Promise<Props | undefined>;
}

/** A kind's implementation: a dynamic provider, plus what only the native plugin calls (plugin/service.ts). */
export type KindProvider = pulumi.dynamic.ResourceProvider & { importInputs?(id: string): Promise<Props | undefined> };

const PROVIDER_KEY = "__provider";

function keepProvider(err: unknown, source: Props, adopted: readonly string[] = []): unknown {
  if (isResourceInitError(err) && source[PROVIDER_KEY] !== undefined) {
    err.properties = wireSafe(withRecordedOwner(source, { ...err.properties, [PROVIDER_KEY]: source[PROVIDER_KEY] }));
  }
  // A failed update keeps the adoption record too, or the next preview would read adopted values as removed.
  if (isResourceInitError(err) && adopted.length > 0) err.properties = { ...err.properties, [ADOPTED_KEY]: [...adopted] };
  return err;
}

// The dynamic-provider host encodes results with google-protobuf's Struct.fromJavaScript, which throws
// "Unexpected struct type." on an undefined value at any depth: drop them before returning.
function wireSafe<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(wireSafe) as T;
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.map(([k, v]) => [k, wireSafe(v)])) as T;
}

/** The inputs without the fields that only matter at an object's first create (the adopt inputs). */
function withoutCreateTimeOnly(fields: FieldSpecs, props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([k]) => fields[k]?.createTimeOnly !== true));
}

function stripInternal(props: Props): Props {
  return Object.fromEntries(Object.entries(props).filter(([k]) => !k.startsWith("__")));
}

function checkWith(spec: ResourceSpec) {
  return async (olds: Props, news: Props) => {
    const { inputs, failures, warnings } = checkResource(spec, olds, news);
    for (const w of warnings) pulumiLogger.warn(w);
    return failures.length > 0 ? { inputs: news, failures } : { inputs: wireSafe(withOwnerInput(olds, news, inputs)) };
  };
}

function diffWith(spec: ResourceSpec) {
  return async (_id: string, olds: Props, news: Props) => {
    noteInState(olds);
    const { changes, replaces, deleteBeforeReplace } = diffResource(spec, olds, news);
    return { changes, replaces, deleteBeforeReplace };
  };
}

export function defineProvider(spec: ResourceSpec, crud: Crud): KindProvider {
  const importInputs = crud.importInputs;
  return {
    ...(importInputs ? { importInputs: async (id: string) => wireSafe(await importInputs(id, buildContext())) } : {}),
    async configure(req) {
      setStackConfig((key) => req.config.get(key));
    },
    check: checkWith(spec),
    diff: diffWith(spec),
    async create(inputs) {
      try {
        const effective = mayAdopt(inputs) ? inputs : withoutCreateTimeOnly(spec.fields, inputs);
        const { id, outs } = await crud.create(stripInternal(effective), { ...buildContext(), owner: lookupOwnerOf(inputs) });
        return { id, outs: wireSafe(withRecordedOwner(inputs, outs)) };
      } catch (err) {
        throw keepProvider(err, inputs);
      }
    },
    async read(id, props) {
      const found = await crud.read(id, stripInternal(props ?? {}), buildContext());
      // An empty id tells the engine the object is gone, so refresh drops it from state.
      if (!found) return { id: undefined as unknown as string, props: {} };
      // Refresh replaces the recorded inputs with what read returns: the owner key must survive it, or the next
      // preview would show it removed.
      const owned = { ...found, props: withRecordedOwner(props ?? {}, found.props), inputs: withRecordedOwner(props ?? {}, found.inputs) };
      const adopted = adoptedPaths(props ?? {});
      if (adopted.length === 0) return wireSafe(owned);
      return wireSafe({ id: owned.id, props: { ...owned.props, [ADOPTED_KEY]: adopted }, inputs: withoutAdopted(owned.inputs, adopted) });
    },
    async update(id, olds, rawNews) {
      // What the program still leaves unset of an adopted object stays as adopted (schema/adopted.ts).
      const { news, adopted } = withAdopted(olds, rawNews);
      const d = diffInputs(spec.fields, olds, news);
      try {
        const outs = await crud.update(id, stripInternal(olds), stripInternal(news), d, buildContext());
        const recorded = withRecordedOwner(news, outs);
        return { outs: wireSafe(adopted.length > 0 ? { ...recorded, [ADOPTED_KEY]: adopted } : recorded) };
      } catch (err) {
        throw keepProvider(err, news, adopted);
      }
    },
    async delete(id, props) {
      await crud.delete(id, stripInternal(props), buildContext());
    },
  };
}
