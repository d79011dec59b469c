// Region validation at check (preview): a ServiceMesh region, declared or taken from alicloud:region,
// must be one ASM serves or one the stack lists in asm:extraRegions / ASM_EXTRA_REGIONS; the failure
// names the field, the value, the closest known region and how to extend the list.
import type * as pulumi from "@pulumi/pulumi";
import { DEFAULT_REGION } from "../../emulator";
import { ASM_REGIONS, closestRegion } from "../../provider/api";
import { setStackConfig } from "../../provider/config";
import { meshInputs } from "./helpers/fixtures";
import { startHarness, type Harness } from "./helpers/providerHarness";

let h: Harness;
let mesh: pulumi.dynamic.ResourceProvider;

beforeAll(async () => {
  h = await startHarness();
  mesh = h.provider("ServiceMesh");
});
afterAll(() => h.stop());

const baseConfig = (h: Harness): Record<string, string> => ({
  "alicloud:accessKey": h.emulator.credentials.accessKeyId, "alicloud:secretKey": h.emulator.credentials.accessKeySecret, "alicloud:region": DEFAULT_REGION,
});
const withConfig = (extra: Record<string, string>) => {
  const all = { ...baseConfig(h), ...extra };
  setStackConfig((key) => all[key]);
};

afterEach(() => {
  withConfig({});
  delete process.env.ASM_EXTRA_REGIONS;
});

describe("ServiceMesh region check", () => {
  it("lists the emulator's region among the regions ASM serves", () => {
    expect(ASM_REGIONS).toContain(DEFAULT_REGION);
  });

  it("refuses a mistyped regionId at check, naming the value, the closest region and how to extend the list", async () => {
    const r = await mesh.check!({}, meshInputs({ regionId: "cn-hangzou" }));
    expect(r.failures).toEqual([{ property: "regionId", reason: expect.stringMatching(/"cn-hangzou" is not a region ASM serves; did you mean cn-hangzhou\?.*asm:extraRegions.*ASM_EXTRA_REGIONS/) }]);
  });

  it("refuses a mistyped alicloud:region when the mesh leaves regionId unset, saying where the value came from", async () => {
    withConfig({ "alicloud:region": "cn-shangai" });
    const r = await mesh.check!({}, meshInputs());
    expect(r.failures).toEqual([{ property: "regionId", reason: expect.stringMatching(/^"cn-shangai" \(from alicloud:region\) is not a region ASM serves; did you mean cn-shanghai\?/) }]);
  });

  it("accepts a region listed in asm:extraRegions or ASM_EXTRA_REGIONS", async () => {
    withConfig({ "asm:extraRegions": "eu-central-1, me-east-1" });
    expect((await mesh.check!({}, meshInputs({ regionId: "me-east-1" }))).failures ?? []).toEqual([]);
    withConfig({});
    process.env.ASM_EXTRA_REGIONS = "eu-central-1";
    expect((await mesh.check!({}, meshInputs({ regionId: "eu-central-1" }))).failures ?? []).toEqual([]);
  });

  it("suggests the nearest known region only when one is close", () => {
    expect(closestRegion("cn-bejing", ASM_REGIONS)).toBe("cn-beijing");
    expect(closestRegion("ap-southeast-l", ASM_REGIONS)).toBe("ap-southeast-1");
    expect(closestRegion("xx-nowhere-9", ASM_REGIONS)).toBeUndefined();
  });
});
