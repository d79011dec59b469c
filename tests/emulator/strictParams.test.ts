// Strict parameters (issue 15 deliverable 2): requests are held to the API contract from the official
// SDK, so a parameter the action does not have, or one sent in the other place or form, is refused with
// an error naming it and where it belongs; lenient mode, the CLI's default, accepts it. Both warn.
import { createEmulator, DEFAULT_VPC, DEFAULT_VSWITCH, loadContract, type EmulatorHandle } from "../../emulator";
import { parseArgs, STRICT_ENV } from "../../emulator/cli";
import { acs3, v1Get } from "./rawRpc";

const MESH = { RegionId: "cn-hangzhou", VpcId: DEFAULT_VPC, VSwitches: JSON.stringify([DEFAULT_VSWITCH]) };

async function meshCount(emu: EmulatorHandle): Promise<number> {
  return ((await acs3(emu, "DescribeServiceMeshes")).body.ServiceMeshes as unknown[]).length;
}

describe("strict parameters (the in-process default)", () => {
  let emu: EmulatorHandle;
  const warnings: string[] = [];
  beforeAll(async () => {
    emu = await createEmulator({ onWarning: (m) => warnings.push(m) });
  });
  afterAll(() => emu.close());
  beforeEach(() => {
    emu.control.reset();
    warnings.length = 0;
  });

  it("refuses a parameter the action does not have, naming it and the action, and changes nothing", async () => {
    const res = await acs3(emu, "CreateServiceMesh", { body: { ...MESH, Colour: "blue" } });
    expect([res.status, res.body.Code, res.body.Message]).toEqual([400, "InvalidParameter.NotInAction", 'The parameter "Colour" is not a parameter of action CreateServiceMesh.']);
    expect(res.body).toMatchObject({ HostId: "servicemesh.aliyuncs.com", RequestId: expect.any(String) });
    expect(await meshCount(emu)).toBe(0);
    expect(warnings).toEqual(['CreateServiceMesh: The parameter "Colour" is not a parameter of action CreateServiceMesh.']);
  });

  it("refuses a field inside a JSON parameter that its structure lacks, naming the path and the fields there", async () => {
    const route = { RouteName: "r", Domains: ["a.example.com"], MatchRequest: { URI: { MatchingMode: "prefix", MatchingContent: "/", CaseSensitive: true } },
      RouteDestinations: [{ Wieght: 100, Destination: { Host: "a.default.svc.cluster.local" } }] };
    const res = await acs3(emu, "CreateIstioGatewayRoutes", { body: { ServiceMeshId: "c1", IstioGatewayName: "gw", GatewayRoute: JSON.stringify(route) } });
    expect([res.status, res.body.Code, res.body.Message]).toEqual([400, "InvalidParameter.NotInAction",
      'The parameter "GatewayRoute.MatchRequest.URI.CaseSensitive" is not a parameter of action CreateIstioGatewayRoutes. The JSON in GatewayRoute has at MatchRequest.URI the fields MatchingContent, MatchingMode.']);
    expect(warnings[0]).toContain('"GatewayRoute.RouteDestinations[].Wieght"');
  });

  it("suggests the action's parameter a misspelt one was meant to be", async () => {
    const res = await acs3(emu, "DescribeServiceMeshDetail", { body: { ServiceMeshID: "c1" } });
    expect(res.body.Message).toBe('The parameter "ServiceMeshID" is not a parameter of action DescribeServiceMeshDetail. Did you mean "ServiceMeshId"?');
  });

  it("refuses a parameter sent in the body that belongs in the query, and the other way round", async () => {
    const inBody = await acs3(emu, "UpdateMeshFeature", { body: { ServiceMeshId: "c1", AccessLogSidecarEnabled: "true" } });
    expect([inBody.status, inBody.body.Code, inBody.body.Message]).toEqual([400, "InvalidParameter.WrongPlace", 'The parameter "AccessLogSidecarEnabled" of UpdateMeshFeature belongs in the query, not the body.']);
    const inQuery = await acs3(emu, "UpdateMeshFeature", { query: { ServiceMeshId: "c1" } });
    expect(inQuery.body.Message).toBe('The parameter "ServiceMeshId" of UpdateMeshFeature belongs in the body, not the query.');
  });

  it("holds RegionId to its place where the action has it, and lets it through as a common parameter where it does not", async () => {
    const create = await acs3(emu, "CreateServiceMesh", { query: { RegionId: "cn-hangzhou" }, body: { VpcId: DEFAULT_VPC, VSwitches: MESH.VSwitches } });
    expect(create.body.Message).toBe('The parameter "RegionId" of CreateServiceMesh belongs in the body, not the query.');
    const id = (await acs3(emu, "CreateServiceMesh", { body: MESH })).body.ServiceMeshId as string;
    const read = await acs3(emu, "DescribeServiceMeshDetail", { query: { RegionId: "cn-hangzhou" }, body: { ServiceMeshId: id } });
    expect(read.status).toBe(200);
  });

  it("recognises Name.N and Name.N.Key as their repeated parameter, and refuses an item field or index the contract lacks", async () => {
    const id = (await acs3(emu, "CreateServiceMesh", { query: { "Tag.1.Key": "env", "Tag.1.Value": "qa" }, body: MESH })).body.ServiceMeshId as string;
    const tag = await acs3(emu, "TagResources", { query: { RegionId: "cn-hangzhou", ResourceType: "servicemesh", "ResourceId.1": id, "Tag.1.Key": "team", "Tag.1.Value": "mesh" } });
    expect(tag.status).toBe(200);
    const colour = await acs3(emu, "TagResources", { query: { ResourceType: "servicemesh", "ResourceId.1": id, "Tag.1.Colour": "blue" } });
    expect([colour.body.Code, colour.body.Message]).toEqual(["InvalidParameter.NotInAction", 'The parameter "Tag.1.Colour" is not a parameter of action TagResources. Tag is sent as Tag.N.Key, Tag.N.Value.']);
    const zero = await acs3(emu, "TagResources", { query: { ResourceType: "servicemesh", "ResourceId.0": id } });
    expect(zero.body.Message).toBe('The parameter "ResourceId.0" is not a parameter of action TagResources. ResourceId is sent as ResourceId.N.');
  });

  it("refuses a repeated parameter sent as one value, and a single-valued one sent as a list", async () => {
    const single = await acs3(emu, "UntagResources", { query: { ResourceType: "servicemesh", ResourceId: "c1", "TagKey.1": "team" } });
    expect([single.body.Code, single.body.Message]).toEqual(["InvalidParameter.WrongEncoding", 'The parameter "ResourceId" of UntagResources is not sent in this form: send it as ResourceId.N.']);
    const list = await acs3(emu, "CreateServiceMesh", { body: { RegionId: "cn-hangzhou", VpcId: DEFAULT_VPC, "VSwitches.1": DEFAULT_VSWITCH } });
    expect(list.body.Message).toBe('The parameter "VSwitches.1" of CreateServiceMesh is not sent in this form: send VSwitches (one value).');
  });

  it("treats the legacy signature's common parameters as protocol, not as the action's", async () => {
    const res = await v1Get(emu, "DescribeServiceMeshes", { params: { TimeStamp: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"), RegionId: "cn-hangzhou" } });
    expect(res.status).toBe(200);
    expect(warnings).toEqual([]);
  });

  it("refuses the reference PDF's everything-in-a-GET-query style for a parameter the SDK sends in the body", async () => {
    const res = await v1Get(emu, "DescribeServiceMeshDetail", { params: { ServiceMeshId: "c1" } });
    expect(res.body.Message).toBe('The parameter "ServiceMeshId" of DescribeServiceMeshDetail belongs in the body, not the query.');
  });

  it("checks the signature first: a forged request with a bad parameter is answered as forged", async () => {
    const res = await acs3(emu, "CreateServiceMesh", { body: { ...MESH, Colour: "blue" }, accessKeySecret: "not-the-secret" });
    expect(res.body.Code).toBe("SignatureDoesNotMatch");
    expect(warnings).toEqual([]);
  });

  it("warns about every finding of a request and answers the first", async () => {
    const res = await acs3(emu, "CreateServiceMesh", { query: { Name: "m" }, body: { ...MESH, Colour: "blue" } });
    expect(res.body.Message).toBe('The parameter "Name" of CreateServiceMesh belongs in the body, not the query.');
    expect(warnings).toEqual([
      'CreateServiceMesh: The parameter "Name" of CreateServiceMesh belongs in the body, not the query. The parameter "Colour" is not a parameter of action CreateServiceMesh.',
    ]);
  });
});

describe("lenient parameters (the CLI's default, as the service)", () => {
  let emu: EmulatorHandle;
  const warnings: string[] = [];
  beforeAll(async () => {
    emu = await createEmulator({ strictParams: false, onWarning: (m) => warnings.push(m) });
  });
  afterAll(() => emu.close());
  beforeEach(() => {
    emu.control.reset();
    warnings.length = 0;
  });

  it("accepts a parameter the action does not have and one in the other place, and warns about both", async () => {
    const res = await acs3(emu, "CreateServiceMesh", { query: { Name: "m" }, body: { ...MESH, Colour: "blue" } });
    expect(res.status).toBe(200);
    expect(await meshCount(emu)).toBe(1);
    expect(warnings).toEqual([
      'CreateServiceMesh: The parameter "Name" of CreateServiceMesh belongs in the body, not the query. ' +
        'The parameter "Colour" is not a parameter of action CreateServiceMesh. (accepted: strict parameters are off)',
    ]);
  });

  it("serves the reference PDF's GET with everything in the query", async () => {
    const id = (await acs3(emu, "CreateServiceMesh", { body: MESH })).body.ServiceMeshId as string;
    const res = await v1Get(emu, "DescribeServiceMeshDetail", { params: { ServiceMeshId: id } });
    expect(res.status).toBe(200);
  });
});

describe("an action the emulator serves but the contract lacks", () => {
  it("keeps working, its parameters unchecked, with one warning that it is not covered", async () => {
    const shipped = loadContract();
    const actions = new Map(shipped.actions);
    actions.delete("DescribeVersions");
    const contract = {
      index: { ...shipped.index, missingFromSdk: ["DescribeVersions"], actions: { ...shipped.index.actions, DescribeVersions: { usedBy: ["emulator" as const], inSdk: false } } },
      actions,
    };
    const warnings: string[] = [];
    const emu = await createEmulator({ contract, onWarning: (m) => warnings.push(m) });
    try {
      for (let i = 0; i < 2; i++) expect((await acs3(emu, "DescribeVersions", { body: { Anything: "x" } })).status).toBe(200);
      expect(warnings).toEqual(["DescribeVersions is not in the API contract (neither the SDK nor emulator/contract/outsideSdk/ has it); its parameters are not checked."]);
    } finally {
      await emu.close();
    }
  });
});

describe("choosing strict or lenient for the CLI", () => {
  it("defaults to lenient, as the service, and takes --strict-params or the environment, the flag winning", () => {
    expect(parseArgs([], {})).toMatchObject({ strictParams: false });
    expect(parseArgs(["--strict-params", "on"], {})).toMatchObject({ strictParams: true });
    expect(parseArgs([], { [STRICT_ENV]: "on" })).toMatchObject({ strictParams: true });
    expect(parseArgs(["--strict-params", "off"], { [STRICT_ENV]: "on" })).toMatchObject({ strictParams: false });
    expect(() => parseArgs(["--strict-params", "yes"], {})).toThrow('--strict-params must be on or off, got "yes".');
    expect(() => parseArgs([], { [STRICT_ENV]: "true" })).toThrow(`${STRICT_ENV} must be on or off, got "true".`);
  });
});
