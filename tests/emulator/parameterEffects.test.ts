// Every parameter CreateServiceMesh and UpdateMeshFeature accept either changes what a read returns, or
// emulator/COVERAGE.md lists it as accepted but not modelled (issue 15): nothing the emulator takes is
// silently dropped without saying so. One value per parameter is tried against a mesh that never had it.
import type { EmulatorHandle } from "../../emulator";
import { loadContract, type ContractParam } from "../../emulator/contract/contract";
import type { AsmTestClient } from "./client";
import { coverageTable } from "./coverageTables";
import { meshArgs, PRIMARY, readUntil, runningMesh, useEmulator } from "./fixtures";

/** Values for parameters that only take a particular form; any other string parameter gets "x1". */
const SAMPLES: Record<string, unknown> = {
  OutboundTrafficPolicy: "REGISTRY_ONLY", OPALogLevel: "debug", InterceptionMode: "TPROXY", ClusterSpec: "enterprise",
  Edition: "Pro", ChargeType: "PrePay", ApiServerLoadBalancerSpec: "slb.s2.small", PilotLoadBalancerSpec: "slb.s2.small",
  ExistingCaType: "2", PlaygroundScene: "ewmaLb", IstioVersion: "v1.20.6.31-g5cf4a2a7-aliyun", Name: "renamed",
  IncludeIPRanges: "10.0.0.0/8", ExcludeIPRanges: "10.1.0.0/16", PrometheusUrl: "http://prom:9090", MultiBufferPollDelay: "10s",
  LocalityLBConf: JSON.stringify({ failover: [{ from: "cn-hangzhou", to: "cn-shanghai" }] }),
  AccessLogFormat: JSON.stringify({ method: "%REQ(:METHOD)%" }), Lifecycle: JSON.stringify({ preStop: { exec: { command: ["sleep", "5"] } } }),
  DiscoverySelectors: JSON.stringify([{ matchLabels: { a: "b" } }]), TraceCustomTags: JSON.stringify({ env: { literal: { value: "x" } } }),
  ProxyStatsMatcher: JSON.stringify({ inclusionPrefixes: ["cluster"] }), DefaultComponentsScheduleConfig: JSON.stringify({ nodeSelector: { a: "b" } }),
  KialiArmsAuthTokens: JSON.stringify({ c1: "token" }), KialiServiceAnnotations: JSON.stringify({ c1: { a: "b" } }),
  GuestCluster: PRIMARY, Tag: [{ Key: "k", Value: "v" }], VSwitches: JSON.stringify(["vsw-emu-default"]),
  KialiEnabled: true, MultiBufferEnabled: false,
};
/** Parameters that identify what a call acts on rather than set anything. */
const IDENTIFIERS = new Set(["ServiceMeshId", "RegionId", "VpcId"]);

/** The meshes UpdateMeshFeature changes start with Telemetry on (Kiali needs it), so there it is tried off. */
function sample(p: ContractParam, action: string): unknown {
  if (p.name === "Telemetry" && action === "UpdateMeshFeature") return false;
  if (Object.hasOwn(SAMPLES, p.name)) return SAMPLES[p.name];
  if (p.type === "boolean") return true;
  if (p.type === "number") return 7;
  return "x1";
}

describe("what every mesh parameter does to reads", () => {
  let emu: EmulatorHandle;
  let c: AsmTestClient;
  useEmulator((e, client) => {
    emu = e;
    c = client;
  });
  const contract = loadContract();
  const notModelled = (action: string) => new Set(coverageTable("Accepted but not modelled").filter((r) => r.action === action).map((r) => r.name));

  /** Everything reads say about one mesh, with its own id taken out so two meshes compare. */
  const readsOf = async (id: string): Promise<string> => {
    const detail = (await c.call("DescribeServiceMeshDetail", { ServiceMeshId: id })).ServiceMesh as Record<string, unknown>;
    const rows = (await c.call("DescribeServiceMeshes")).ServiceMeshes as Record<string, Record<string, unknown>>[];
    const row = rows.find((r) => r.ServiceMeshInfo.ServiceMeshId === id);
    const clusters = await c.call("DescribeClustersInServiceMesh", { ServiceMeshId: id });
    const tags = await c.call("ListTagResources", { RegionId: "cn-hangzhou", ResourceType: "servicemesh", ResourceId: [id] });
    const { RequestId: _r, ...kiali } = await c.call("DescribeKialiConfiguration", { ServiceMeshId: id });
    const strip = ({ CreationTime: _c, UpdateTime: _u, ServiceMeshId: _i, ...info }: Record<string, unknown>) => info;
    const text = JSON.stringify({ detail: { ...detail, ServiceMeshInfo: strip(detail.ServiceMeshInfo as Record<string, unknown>), Endpoints: undefined },
      row: row && { ...row, ServiceMeshInfo: strip(row.ServiceMeshInfo), Endpoints: undefined }, clusters: clusters.Clusters, tags: tags.TagResources, kiali });
    return text.split(id).join("<id>").split(id.slice(1, 9)).join("<short>");
  };

  /** Tries every parameter of `action`; `changes` says whether it changed a read. Returns what disagrees with the list. */
  const judge = async (action: string, changes: (p: ContractParam) => Promise<boolean>): Promise<string[]> => {
    const found: string[] = [];
    const listed = notModelled(action);
    for (const p of contract.actions.get(action)?.params ?? []) {
      if (IDENTIFIERS.has(p.name)) continue;
      emu.control.reset();
      const changed = await changes(p);
      if (changed === listed.has(p.name)) found.push(`${p.name}: ${changed ? "changes a read but is listed" : "changes no read and is not listed"}`);
    }
    return found;
  };

  it("UpdateMeshFeature: each parameter changes a read, or is listed as accepted but not modelled", async () => {
    expect(await judge("UpdateMeshFeature", async (p) => {
      const id = await runningMesh(c, [PRIMARY], { Telemetry: true });
      const before = await readsOf(id);
      await c.call("UpdateMeshFeature", { ServiceMeshId: id, [p.name]: sample(p, "UpdateMeshFeature") });
      await readUntil(c, id, "running");
      return (await readsOf(id)) !== before;
    })).toEqual([]);
  });

  it("CreateServiceMesh: each parameter changes a read, or is listed as accepted but not modelled", async () => {
    expect(await judge("CreateServiceMesh", async (p) => {
      // Kiali needs Telemetry on; every other parameter is compared against a mesh created without it.
      const base = p.name === "KialiEnabled" ? { Telemetry: true } : {};
      const plain = (await c.call("CreateServiceMesh", meshArgs(base))).ServiceMeshId as string;
      const withIt = (await c.call("CreateServiceMesh", meshArgs({ ...base, [p.name]: sample(p, "CreateServiceMesh") }))).ServiceMeshId as string;
      for (const id of [plain, withIt]) await readUntil(c, id, "running");
      return (await readsOf(withIt)) !== (await readsOf(plain));
    })).toEqual([]);
  });

  it("lists as accepted but not modelled only parameters the contract gives that action", () => {
    const strays = coverageTable("Accepted but not modelled")
      .filter((r) => !(contract.actions.get(r.action)?.params ?? []).some((p) => p.name === r.name))
      .map((r) => `${r.action} ${r.name}`);
    expect(strays).toEqual([]);
  });
});
