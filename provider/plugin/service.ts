// The ResourceProvider gRPC service of the native plugin: each request decoded (marshal.ts), routed by its
// type token to the kind's implementation (runtime.ts coreImplementationFor, the same object the dynamic
// classes run) or to a function (functions/), and the answer encoded with secrets marked again. Work on a
// resource runs in its request scope (engineLog.ts), so what it logs is attached to the resource's URN.
// Only what the engine asks of a resource provider without components or parameterization is served; the
// rest answers UNIMPLEMENTED, which the engine treats as "not supported".
import type { sendUnaryData, ServerUnaryCall, UntypedServiceImplementation } from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import { setStackConfig } from "../config";
import { noteInState, OWNER_INPUT } from "../framework/ownership";
import type { KindProvider } from "../framework/defineProvider";
import { buildContext } from "../framework/context";
import { engineFailure } from "../framework/dynamicHost";
import { runFunction } from "../functions/run";
import { DESCRIPTIONS } from "../packageSchema";
import { coreImplementationFor, type ResourceKind } from "../runtime";
import { deepEqual, diffResource, holdsSecret, UNKNOWN, type CheckFailure, type FieldSpecs, type Props } from "../schema";
import { withDeadline, withProgramTimeouts } from "./deadline";
import { detailedDiff, type DiffKind } from "./detailedDiff";
import { inRequestScope, rememberConfiguredSecrets, secretTexts, type RequestScope } from "./engineLog";
import { grpcError, unimplemented } from "./grpcErrors";
import { importSeed } from "./importSeed";
import { functionOf, kindOf, typeOfUrn } from "./kinds";
import { fromStruct, toStruct, unwrapProps, type Unwrapped } from "./marshal";
import { argsFromVariables, checkConfig, plaintextCredentials, stackConfigGetter } from "./providerConfig";

export interface PluginFacts {
  version: string;
  /** The package schema as JSON text (packageSchema.ts). */
  schema: () => string;
}

type Handler<Req, Res> = (req: Req) => Promise<Res>;

// grpc-js wants (call, callback); every handler here is an async function of the request.
function unary<Req, Res>(handle: Handler<Req, Res>, secretsOnError: (req: Req) => ReadonlySet<string> = () => new Set()) {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>): void => {
    handle(call.request).then(
      (res) => callback(null, res),
      (err: unknown) => callback(grpcError(err, secretsOnError(call.request))),
    );
  };
}

const DIFF_KINDS: Record<DiffKind, proto.PropertyDiff.Kind> = {
  ADD: proto.PropertyDiff.Kind.ADD,
  ADD_REPLACE: proto.PropertyDiff.Kind.ADD_REPLACE,
  DELETE: proto.PropertyDiff.Kind.DELETE,
  DELETE_REPLACE: proto.PropertyDiff.Kind.DELETE_REPLACE,
  UPDATE: proto.PropertyDiff.Kind.UPDATE,
  UPDATE_REPLACE: proto.PropertyDiff.Kind.UPDATE_REPLACE,
};

const secretNames = (fields: FieldSpecs | undefined): string[] =>
  Object.entries(fields ?? {}).filter(([, f]) => holdsSecret(f)).map(([k]) => k);

/** Properties of a kind that are secret whatever the request says: secret inputs and secret outputs. */
const declaredSecrets = new Map<ResourceKind, ReadonlySet<string>>();
function secretsOf(kind: ResourceKind, ...requested: ReadonlySet<string>[]): Set<string> {
  let declared = declaredSecrets.get(kind);
  if (!declared) {
    const d = DESCRIPTIONS[kind];
    declared = new Set([...secretNames(d.fields), ...secretNames(d.outputFields)]);
    declaredSecrets.set(kind, declared);
  }
  return new Set([...declared, ...requested.flatMap((s) => [...s])]);
}

/** The request's resource and the texts of every secret it carries (declared secret or marked), for its log lines. */
function scopeOf(urn: string, kind: ResourceKind, ...maps: Unwrapped[]): RequestScope {
  const names = secretsOf(kind, ...maps.map((m) => m.secrets));
  return { urn, secrets: maps.flatMap((m) => [...names].flatMap((n) => secretTexts(m.props[n]))) };
}

/** A nested path cannot be a CheckFailure property (the engine looks up top-level keys only): it leads the reason instead. */
const engineWords = (f: CheckFailure): CheckFailure => (f.property.includes(".") || f.property.includes("[") ? engineFailure(f) : f);

function failuresOf(list: readonly CheckFailure[]): proto.CheckFailure[] {
  return list.map((f) => {
    const out = new proto.CheckFailure();
    const e = engineWords(f);
    out.setProperty(e.property);
    out.setReason(e.reason);
    return out;
  });
}

const implFor = (kind: ResourceKind) => coreImplementationFor(kind);

/** Preview outputs of a create: the inputs, and every declared output not yet known. */
function previewOutputs(kind: ResourceKind, inputs: Props): Props {
  const unknowns = Object.fromEntries(DESCRIPTIONS[kind].outputs.filter((k) => inputs[k] === undefined).map((k) => [k, UNKNOWN]));
  return { ...unknowns, ...inputs };
}

function checkResponse(inputs: Props, secrets: ReadonlySet<string>, failures: readonly CheckFailure[]): proto.CheckResponse {
  const res = new proto.CheckResponse();
  res.setInputs(toStruct(inputs, secrets));
  res.setFailuresList(failuresOf(failures));
  return res;
}

function diffResponse(changes: boolean, replaces: string[], deleteBeforeReplace: boolean, detailed: Record<string, DiffKind>): proto.DiffResponse {
  const res = new proto.DiffResponse();
  res.setChanges(changes ? proto.DiffResponse.DiffChanges.DIFF_SOME : proto.DiffResponse.DiffChanges.DIFF_NONE);
  res.setReplacesList(replaces);
  res.setDeletebeforereplace(deleteBeforeReplace);
  res.setHasdetaileddiff(true);
  res.setDiffsList(Object.keys(detailed).map((p) => p.split(".")[0]).filter((k, i, all) => all.indexOf(k) === i));
  const map = res.getDetaileddiffMap();
  for (const [path, kind] of Object.entries(detailed)) {
    const d = new proto.PropertyDiff();
    d.setKind(DIFF_KINDS[kind]);
    d.setInputdiff(true);
    map.set(path, d);
  }
  return res;
}

const configOf = (req: proto.ConfigureRequest): Record<string, unknown> =>
  req.getArgs()?.toJavaScript() ?? argsFromVariables(req.getVariablesMap().getEntryList() as Array<[string, string]>);

export function resourceProviderService(facts: PluginFacts): UntypedServiceImplementation {
  const kindOfRequest = (req: { getType(): string; getUrn(): string }): ResourceKind => kindOf(req.getType() || typeOfUrn(req.getUrn()));

  return {
    getPluginInfo: unary(async () => {
      const info = new PluginInfo();
      info.setVersion(facts.version);
      return info;
    }),

    getSchema: unary(async (req: proto.GetSchemaRequest) => {
      if (req.getVersion() > 0) throw new Error(`asm: schema version ${req.getVersion()} is not supported; only version 0`);
      const res = new proto.GetSchemaResponse();
      res.setSchema(facts.schema());
      return res;
    }),

    checkConfig: unary(async (req: proto.CheckRequest) => {
      const news = req.getNews()?.toJavaScript() ?? {};
      const res = new proto.CheckResponse();
      // The news as given: the engine puts the secret marks back on what it could not send (annotateSecrets).
      res.setInputs(req.getNews());
      res.setFailuresList(failuresOf(checkConfig(news)));
      return res;
    }),

    diffConfig: unary(async (req: proto.DiffRequest) => {
      const olds = unwrapProps(req.getOldInputs()?.toJavaScript() ?? req.getOlds()?.toJavaScript()).props;
      const news = fromStruct(req.getNews()).props;
      const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter((k) => k !== "version");
      const detailed: Record<string, DiffKind> = {};
      for (const k of keys) {
        if (deepEqual(olds[k] ?? null, news[k] ?? null)) continue;
        detailed[k] = olds[k] === undefined ? "ADD" : news[k] === undefined ? "DELETE" : "UPDATE";
      }
      // Settings change how the API is reached, never what exists: no change replaces the provider.
      return diffResponse(Object.keys(detailed).length > 0, [], false, detailed);
    }),

    configure: unary(async (req: proto.ConfigureRequest) => {
      const args = configOf(req);
      const plain = plaintextCredentials(args);
      if (plain.length > 0) {
        throw new Error(
          `${plain.join(" and ")} ${plain.length === 1 ? "is" : "are"} set as plain text: the state records the provider's configuration, ` +
            `so it would be stored in clear. Set ${plain.map((k) => `pulumi config set --secret ${k} <value>`).join("; ")}.`,
        );
      }
      const config = unwrapProps(args);
      rememberConfiguredSecrets([...config.secrets].flatMap((k) => secretTexts(config.props[k])));
      setStackConfig(stackConfigGetter(args));
      const res = new proto.ConfigureResponse();
      res.setAcceptsecrets(true);
      res.setSupportspreview(true);
      res.setAcceptresources(false);
      res.setAcceptoutputs(false);
      return res;
    }),

    check: unary(async (req: proto.CheckRequest) => {
      const kind = kindOfRequest(req);
      const olds = fromStruct(req.getOlds());
      const news = fromStruct(req.getNews());
      return inRequestScope(scopeOf(req.getUrn(), kind, olds, news), async () => {
        // The ownership mark (framework/ownership.ts) is keyed by the URN, which a dynamic class passes itself.
        const given = news.props[OWNER_INPUT] === undefined ? { ...news.props, [OWNER_INPUT]: req.getUrn() } : news.props;
        const r = await implFor(kind).check!(olds.props, given);
        return checkResponse(r.failures && r.failures.length > 0 ? news.props : (r.inputs as Props), secretsOf(kind, news.secrets), r.failures ?? []);
      });
    }),

    diff: unary(async (req: proto.DiffRequest) => {
      const kind = kindOfRequest(req);
      const olds = fromStruct(req.getOlds()).props;
      const news = fromStruct(req.getNews()).props;
      noteInState(olds);
      const d = detailedDiff(diffResource(DESCRIPTIONS[kind], olds, news), olds, news);
      return diffResponse(d.changes, d.replaces, d.deleteBeforeReplace, d.detailed);
    }),

    create: unary(
      async (req: proto.CreateRequest) => {
        const kind = kindOfRequest(req);
        const inputs = fromStruct(req.getProperties());
        const secrets = secretsOf(kind, inputs.secrets);
        const res = new proto.CreateResponse();
        if (req.getPreview()) {
          res.setProperties(toStruct(previewOutputs(kind, inputs.props), secrets));
          return res;
        }
        return inRequestScope(scopeOf(req.getUrn(), kind, inputs), async () => {
          const { id, outs } = await implFor(kind).create(withDeadline(inputs.props, "create", req.getTimeout()));
          res.setId(id);
          res.setProperties(toStruct(withProgramTimeouts(outs as Props, inputs.props), secrets));
          return res;
        });
      },
      (req) => secretsOf(kindOfRequest(req), fromStruct(req.getProperties()).secrets),
    ),

    read: unary(async (req: proto.ReadRequest) => {
      const kind = kindOfRequest(req);
      const state = fromStruct(req.getProperties());
      const inputs = fromStruct(req.getInputs());
      return inRequestScope(scopeOf(req.getUrn(), kind, state, inputs), async () => {
        const impl: KindProvider = implFor(kind);
        let props: Props = Object.keys(state.props).length > 0 ? state.props : inputs.props;
        // `pulumi import` and `get` give an id and nothing else: start from what the object itself reports.
        if (Object.keys(props).length === 0) props = await importSeed(DESCRIPTIONS[kind], impl, req.getId());
        const found = await impl.read!(req.getId(), props);
        const res = new proto.ReadResponse();
        // An empty id tells the engine the object is gone.
        if (!found.id) return res;
        const secrets = secretsOf(kind, state.secrets, inputs.secrets);
        res.setId(found.id);
        res.setProperties(toStruct(found.props as Props, secrets));
        res.setInputs(toStruct((found.inputs ?? {}) as Props, secrets));
        return res;
      });
    }),

    update: unary(
      async (req: proto.UpdateRequest) => {
        const kind = kindOfRequest(req);
        const olds = fromStruct(req.getOlds());
        const news = fromStruct(req.getNews());
        const secrets = secretsOf(kind, olds.secrets, news.secrets);
        const res = new proto.UpdateResponse();
        if (req.getPreview()) {
          // The recorded outputs stand until the update has run; the inputs are the new ones.
          res.setProperties(toStruct({ ...olds.props, ...news.props }, secrets));
          return res;
        }
        return inRequestScope(scopeOf(req.getUrn(), kind, olds, news), async () => {
          const { outs } = await implFor(kind).update!(req.getId(), olds.props, withDeadline(news.props, "update", req.getTimeout()));
          res.setProperties(toStruct(withProgramTimeouts(outs as Props, news.props), secrets));
          return res;
        });
      },
      (req) => secretsOf(kindOfRequest(req), fromStruct(req.getOlds()).secrets, fromStruct(req.getNews()).secrets),
    ),

    delete: unary(async (req: proto.DeleteRequest) => {
      const kind = kindOfRequest(req);
      const props = fromStruct(req.getProperties());
      return inRequestScope(scopeOf(req.getUrn(), kind, props), async () => {
        await implFor(kind).delete!(req.getId(), withDeadline(props.props, "delete", req.getTimeout()));
        return new Empty();
      });
    }),

    invoke: unary(async (req: proto.InvokeRequest) => {
      const fn = functionOf(req.getTok());
      const args = fromStruct(req.getArgs());
      const res = new proto.InvokeResponse();
      // No resource is being worked on: what the function logs goes to the stack, with the arguments' secrets blanked.
      const scope = { urn: "", secrets: [...args.secrets].flatMap((k) => secretTexts(args.props[k])) };
      const outcome = await inRequestScope(scope, () => runFunction(fn, args.props, buildContext()));
      if (outcome.failures) {
        res.setFailuresList(failuresOf(outcome.failures));
        return res;
      }
      // A result narrowed by a secret argument says something about that secret: it is secret as a whole.
      const secret = args.secrets.size > 0 ? new Set(Object.keys(outcome.result)) : new Set<string>();
      res.setReturn(toStruct(outcome.result, secret));
      return res;
    }),

    // Waits poll with deadlines of their own and every write is recorded as it completes; the engine kills
    // the process after cancelling, and an interrupted create is found again by its ownership mark.
    cancel: unary(async () => new Empty()),

    handshake: (_call: unknown, callback: sendUnaryData<never>) => callback(unimplemented("Handshake")),
    parameterize: (_call: unknown, callback: sendUnaryData<never>) => callback(unimplemented("Parameterize")),
    call: (_call: unknown, callback: sendUnaryData<never>) => callback(unimplemented("Call (the package has no methods)")),
    construct: (_call: unknown, callback: sendUnaryData<never>) => callback(unimplemented("Construct (the package has no components)")),
    getMapping: unary(async () => new proto.GetMappingResponse()),
    getMappings: unary(async () => new proto.GetMappingsResponse()),
  };
}
