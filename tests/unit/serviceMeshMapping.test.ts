import { readFileSync } from "fs";
import { join } from "path";
import type { ServiceMeshDetail } from "../../provider/api";
import { liveInputs, networkMismatches, toCreateRequest, toFeatureRequest, toOutputs, userTags } from "../../provider/resources/serviceMesh/wire";
import { MESH_PARAMS } from "../../provider/resources/serviceMesh/params";
import { serviceMeshDescription, serviceMeshFields } from "../../provider/resources/serviceMesh/description";
import { serviceMeshProvider } from "../../provider/resources/serviceMesh/lifecycle";
import { checkResource, type Field } from "../../provider/schema";

const inputs = {
  name: "demo",
  network: { vpcId: "vpc-1", vSwitchIds: ["vsw-1", "vsw-2"] },
  edition: "Pro",
  tracing: { enabled: true, sampling: 50 },
  proxy: { clusterDomain: "cluster.local", limitCpu: "2000m" },
  kiali: { enabled: true },
  prometheus: { enabled: true },
  tags: { team: "mesh" },
};

function detail(overrides: Partial<ServiceMeshDetail["ServiceMeshInfo"]> = {}, meshConfig: Record<string, unknown> = {}): ServiceMeshDetail {
  return {
    ServiceMeshInfo: { ServiceMeshId: "c1", Name: "demo", State: "running", Version: "v1.21", Profile: "Pro", ...overrides },
    Clusters: ["cA"],
    Endpoints: { IntranetApiServerEndpoint: "https://10.0.0.1:6443", PublicApiServerEndpoint: "" },
    Spec: { Network: { VpcId: "vpc-1", VSwitches: ["vsw-2", "vsw-1"] }, MeshConfig: { Tracing: true, Pilot: { TraceSampling: 50 }, ...meshConfig } },
  };
}

describe("toCreateRequest", () => {
  it("flattens grouped camelCase inputs into the PascalCase create parameters", () => {
    expect(toCreateRequest(inputs, "cn-hangzhou")).toEqual({
      RegionId: "cn-hangzhou", VpcId: "vpc-1", VSwitches: '["vsw-1","vsw-2"]', Name: "demo", IstioVersion: undefined,
      Tag: [{ Key: "team", Value: "mesh" }], Edition: "Pro", Tracing: true, TraceSampling: 50, ClusterDomain: "cluster.local",
      ProxyLimitCPU: "2000m", KialiEnabled: true, Telemetry: true,
    });
  });
});

describe("toFeatureRequest", () => {
  it("sends only changed feature fields, and false for a removed flag", () => {
    const news = { ...inputs, tracing: { sampling: 10 } };
    expect(toFeatureRequest(news, ["tracing.enabled", "tracing.sampling", "proxy.clusterDomain", "name"])).toEqual({ Tracing: false, TraceSampling: 10 });
  });
});

describe("liveInputs", () => {
  // ListTagResources reporting the declared tags unchanged.
  const sameTags = (inputs.tags ?? {}) as Record<string, string>;
  it("replaces declared inputs with what the API reports and leaves undeclared ones unset", () => {
    const live = liveInputs(inputs, detail({ Name: "renamed" }, { Tracing: false, Telemetry: false, Kiali: { Enabled: false }, Audit: { Enabled: true } }), sameTags);
    expect(live).toMatchObject({ name: "renamed", tracing: { enabled: false, sampling: 50 }, kiali: { enabled: false }, prometheus: { enabled: false } });
    expect(live.audit).toBeUndefined();
  });

  it("takes tags from ListTagResources when given: declared ones replaced, undeclared ones shown only when present", () => {
    expect(liveInputs({ ...inputs, tags: { team: "a" } }, detail(), { team: "b" }).tags).toEqual({ team: "b" });
    expect(liveInputs({ ...inputs, tags: { team: "a" } }, detail(), {}).tags).toEqual({});
    const { tags: _declared, ...untagged } = inputs;
    expect(liveInputs(untagged, detail(), { owner: "x" }).tags).toEqual({ owner: "x" });
    expect(liveInputs(untagged, detail(), {})).not.toHaveProperty("tags");
  });

  it("leaves the cloud's own tags (aliyun*, acs:*) out of the user's tags", () => {
    expect(userTags([{ TagKey: "team", TagValue: "a" }, { TagKey: "acs:ecs:owner", TagValue: "x" }, { TagKey: "aliyun-system" }, { TagKey: "empty" }]))
      .toEqual({ team: "a", empty: "" });
  });

  it("coerces string booleans and numbers from the wire to the field's type", () => {
    const live = liveInputs(inputs, detail({}, { Tracing: "false", Pilot: { TraceSampling: "25" } }), sameTags);
    expect(live.tracing).toEqual({ enabled: false, sampling: 25 });
  });
});

describe("networkMismatches", () => {
  it("ignores vSwitch order but names a different VPC", () => {
    expect(networkMismatches(inputs, detail())).toEqual([]);
    const other = { ...inputs, network: { vpcId: "vpc-9", vSwitchIds: ["vsw-1", "vsw-2"] } };
    expect(networkMismatches(other, detail())).toEqual(["network.vpcId: declared vpc-9, live vpc-1"]);
  });
});

describe("toOutputs", () => {
  it("maps id, state, version, non-empty endpoints, clusters and kubeconfig", () => {
    expect(toOutputs(detail(), "apiVersion: v1")).toEqual({
      meshId: "c1", state: "running", version: "v1.21", errorMessage: undefined,
      endpoints: { intranetApiServer: "https://10.0.0.1:6443" }, clusters: ["cA"], kubeconfig: "apiVersion: v1",
    });
  });
});

describe("MESH_PARAMS", () => {
  it("declares each wire parameter and each input path once", () => {
    const wires = MESH_PARAMS.map((p) => p.field.wire);
    const paths = MESH_PARAMS.map((p) => p.path);
    expect(new Set(wires).size).toBe(wires.length);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("makes every create-mode parameter create-only in the derived spec", () => {
    // Every row path is a field at that path of the derived table (a group per dot).
    const specOf = (path: string): Field => path.split(".").reduce<Field>(
      (at, key) => (at.kind === "object" ? at.fields[key] : at), { kind: "object", fields: serviceMeshFields });
    const wrong = MESH_PARAMS.filter((p) => (specOf(p.path).createOnly === true) !== (p.mode === "create")).map((p) => p.path);
    expect(wrong).toEqual([]);
    expect(specOf("proxy.clusterDomain").createOnly).toBe(true);
    expect(specOf("proxy.limitCpu").createOnly).toBeUndefined();
  });
});

describe("docs/resources/serviceMesh.md", () => {
  it("lists every create-only parameter in the replacement list", () => {
    const doc = readFileSync(join(__dirname, "../../docs/resources/serviceMesh.md"), "utf8");
    const section = doc.split("### Create-only inputs")[1].split("\n## ")[0];
    const missing = MESH_PARAMS.filter((p) => p.mode === "create" && !section.includes(`\`${p.path}\``)).map((p) => p.path);
    expect(missing).toEqual([]);
  });
});

describe("a retired input (features.globalRateLimit: the API has no GlobalRateLimitEnabled)", () => {
  const withRateLimit = { ...inputs, features: { globalRateLimit: true } };

  it("is never sent, on create or on a feature update", () => {
    expect(toCreateRequest(withRateLimit, "cn-hangzhou")).not.toHaveProperty("GlobalRateLimitEnabled");
    expect(toFeatureRequest(withRateLimit, ["features.globalRateLimit"])).toEqual({});
  });

  it("is accepted with a warning that it has no effect, and changing or removing it neither updates nor replaces the mesh", async () => {
    const checked = checkResource(serviceMeshDescription, {}, withRateLimit);
    expect(checked.failures).toEqual([]);
    expect(checked.warnings).toEqual(["features.globalRateLimit has no effect and is not sent: the ASM API has no GlobalRateLimitEnabled parameter. Remove it from the program."]);
    expect(checkResource(serviceMeshDescription, {}, inputs).warnings).toEqual([]);
    for (const news of [{ ...inputs, features: { globalRateLimit: false } }, inputs]) {
      expect(await serviceMeshProvider.diff!("c1", withRateLimit, news)).toMatchObject({ changes: false, replaces: [] });
    }
  });
});
