// The native plugin's progress lines reach the engine's Log RPC attached to the resource being worked on:
// a slow mesh create served through the plugin's gRPC service, with a fake engine that records every
// LogRequest, shows the mesh's state under the mesh's URN as status (ephemeral) lines, with no secret.
import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from "@grpc/grpc-js";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { LogSeverity, type LogRequest } from "@pulumi/pulumi/proto/engine_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { DEFAULT_VPC, DEFAULT_VSWITCH, PROFILE_TRANSITIONS } from "../../emulator";
import { overrideContext, useHostLogger } from "../../provider/framework";
import { connectEngineLog } from "../../provider/plugin/engineLog";
import { fromStruct } from "../../provider/plugin/marshal";
import { secret, startPluginHarness, type PluginHarness } from "./helpers/pluginHarness";

const URN = "urn:pulumi:dev::proj::asm:index:ServiceMesh::mesh";
const TAG_SECRET = "owner-tag-secret-41c9";

let h: PluginHarness;
let engine: Server;
let closeLog: () => void;
const logged: LogRequest.AsObject[] = [];

beforeAll(async () => {
  engine = new Server();
  engine.addService(EngineService, {
    log: (call: ServerUnaryCall<LogRequest, Empty>, callback: sendUnaryData<Empty>) => {
      logged.push(call.request.toObject());
      callback(null, new Empty());
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    engine.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
  const log = connectEngineLog(`127.0.0.1:${port}`);
  closeLog = log.close;
  useHostLogger(log.logger);
  // Every poll reports, so a create of a few hundred milliseconds logs several lines.
  overrideContext({ progressIntervalMs: 0 });
  h = await startPluginHarness();
});
afterAll(async () => {
  useHostLogger(undefined);
  overrideContext({});
  closeLog?.();
  engine?.forceShutdown();
  await h?.stop();
});

describe("a slow mesh create through the plugin", () => {
  it("sends its progress to the engine as status lines attached to the mesh's URN", async () => {
    h.emulator.control.setTransitions("ServiceMesh:create", { afterMs: 400 });
    try {
      const checked = await h.check(URN, { name: "slow-mesh", network: { vpcId: DEFAULT_VPC, vSwitchIds: [DEFAULT_VSWITCH] }, tags: { owner: secret(TAG_SECRET) } });
      expect(checked.getFailuresList()).toEqual([]);
      const created = await h.create(URN, fromStruct(checked.getInputs()).props);
      expect(created.getId()).toMatch(/^c/);
    } finally {
      h.emulator.control.setTransitions("ServiceMesh:create", PROFILE_TRANSITIONS.instant["ServiceMesh:create"]);
    }
    // Lines are sent one after another; the last may still be on its way when create answers.
    await new Promise((r) => setTimeout(r, 200));
    const progress = logged.filter((l) => /^ServiceMesh c\S+: initial \(\d+s elapsed\)$/.test(l.message));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((l) => l.urn === URN && l.ephemeral && l.severity === LogSeverity.INFO)).toBe(true);
    const everything = JSON.stringify(logged);
    expect(everything).not.toContain(TAG_SECRET);
    expect(everything).not.toContain(h.emulator.credentials.accessKeySecret);
  });
});
