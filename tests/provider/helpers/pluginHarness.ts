// The native plugin's gRPC service served in-process on a loopback port, reached by the engine's own client
// stubs (@pulumi/pulumi/proto), configured like the engine configures it (asm:* keys, credentials marked
// secret), in front of the in-process emulator. For the handlers whose wire form matters: Invoke's
// failures and results, and the log lines a create sends to the engine.
import { credentials, Server, ServerCredentials } from "@grpc/grpc-js";
import { ResourceProviderClient, ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as proto from "@pulumi/pulumi/proto/provider_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { createEmulator, DEFAULT_REGION, type EmulatorHandle, type EmulatorOptions } from "../../../emulator";
import { AsmClient, OpenApiTransport } from "../../../provider/api";
import { setStackConfig } from "../../../provider/config";
import { SECRET_SIG, SIG_KEY, toStruct } from "../../../provider/plugin/marshal";
import { resourceProviderService } from "../../../provider/plugin/service";
import { TEST_WAIT_SCALE } from "./providerHarness";

export const secret = (value: unknown): Record<string, unknown> => ({ [SIG_KEY]: SECRET_SIG, value });

type Unary<Req, Res> = (req: Req, callback: (err: Error | null, res: Res) => void) => unknown;

export interface PluginHarness {
  emulator: EmulatorHandle;
  /** A client of our own, for arranging and asserting what the emulator holds. */
  api: AsmClient;
  invoke(token: string, args: Record<string, unknown>): Promise<proto.InvokeResponse>;
  check(urn: string, news: Record<string, unknown>): Promise<proto.CheckResponse>;
  create(urn: string, props: Record<string, unknown>): Promise<proto.CreateResponse>;
  stop(): Promise<void>;
}

function call<Req, Res>(client: ResourceProviderClient, method: Unary<Req, Res>, req: Req): Promise<Res> {
  return new Promise((resolve, reject) => method.call(client, req, (err, res) => (err ? reject(err) : resolve(res))));
}

export async function startPluginHarness(opts: EmulatorOptions = {}): Promise<PluginHarness> {
  const emulator = await createEmulator({ profile: "instant", strictParams: true, ...opts });
  process.env.ASM_WAIT_SCALE = TEST_WAIT_SCALE;
  process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED = "true";
  process.env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED = "true";
  const server = new Server();
  server.addService(ResourceProviderService, resourceProviderService({ version: "0.0.0-test", schema: () => "{}" }));
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
  const client = new ResourceProviderClient(`127.0.0.1:${port}`, credentials.createInsecure());

  const configure = new proto.ConfigureRequest();
  const { accessKeyId, accessKeySecret } = emulator.credentials;
  configure.setArgs(Struct.fromJavaScript({
    endpoint: emulator.endpoint, protocol: "HTTP", region: DEFAULT_REGION,
    accessKey: secret(accessKeyId), secretKey: secret(accessKeySecret),
  } as Parameters<typeof Struct.fromJavaScript>[0]));
  await call(client, client.configure, configure);

  return {
    emulator,
    api: new AsmClient(new OpenApiTransport({ endpoint: emulator.endpoint, protocol: "HTTP", regionId: DEFAULT_REGION, credentials: emulator.credentials })),
    invoke: (token, args) => {
      const req = new proto.InvokeRequest();
      req.setTok(token);
      req.setArgs(toStruct(args));
      return call(client, client.invoke, req);
    },
    check: (urn, news) => {
      const req = new proto.CheckRequest();
      req.setUrn(urn);
      req.setOlds(toStruct({}));
      req.setNews(toStruct(news));
      return call(client, client.check, req);
    },
    create: (urn, props) => {
      const req = new proto.CreateRequest();
      req.setUrn(urn);
      req.setProperties(toStruct(props));
      return call(client, client.create, req);
    },
    stop: async () => {
      client.close();
      server.forceShutdown();
      setStackConfig(undefined);
      await emulator.close();
    },
  };
}
