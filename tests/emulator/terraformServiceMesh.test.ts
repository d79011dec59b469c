// The Terraform provider's alicloud_service_mesh_service_mesh resource and its data source, replayed
// against the emulator call for call: each request carries exactly the parameters the provider sends, in
// the place it sends them (its request map in the form body, its query map in the query; RpcGet puts the
// request map in the query). Facts from github.com/aliyun/terraform-provider-alicloud at
// 81c43b6727a09e9da37b3d88818c3ba5fa17fa14 (emulator/contract/outsideSdk/SOURCE.md), for this configuration:
//
//   service_mesh_name = "tf-mesh", edition = "Default", cluster_spec = "standard",
//   network { vpc_id, vswitche_list = [one vSwitch] }, mesh_config { telemetry = true, kiali { enabled = false } }
//
// and then kiali { enabled = true, auth_strategy = "openid", open_id_config { … }, server_config { … } }.
// The provider reads every field of mesh_config it declares (zero values included) and skips empty
// strings and absent blocks, which is why create sends Tracing=false and no IncludeIPRanges.
import { createEmulator, DEFAULT_VPC, DEFAULT_VSWITCH, loadContract, type EmulatorHandle } from "../../emulator";
import type { TypeNode } from "../../emulator/contract/contract";
import { acs3, v1Get, type RawResponse } from "./rawRpc";

type Json = Record<string, unknown>;
const contract = loadContract();

/** Where a response value and the contract's type for it disagree (the provider sets each into a typed schema field). */
function typeProblems(value: unknown, node: TypeNode, at: string): string[] {
  switch (node.type) {
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return [`${at}: expected an object`];
      return Object.entries(node.children ?? {}).flatMap(([k, child]) => ((value as Json)[k] === undefined ? [] : typeProblems((value as Json)[k], child, `${at}.${k}`)));
    }
    case "array":
      return Array.isArray(value) ? value.flatMap((v, i) => (node.items ? typeProblems(v, node.items, `${at}[${i}]`) : [])) : [`${at}: expected an array`];
    case "string": case "number": case "boolean":
      return typeof value === node.type ? [] : [`${at}: expected a ${node.type}, got ${JSON.stringify(value)}`];
    default:
      return [];
  }
}

/** The response carries every field the provider reads, each of the contract's type. */
function expectProviderReads(action: string, body: Json, reads: string[]): void {
  const response = contract.actions.get(action)?.response ?? {};
  expect(reads.filter((f) => body[f] === undefined)).toEqual([]);
  expect(typeProblems(body, { type: "object", children: response }, action)).toEqual([]);
}

describe("the Terraform provider's alicloud_service_mesh_service_mesh, replayed against the emulator", () => {
  let emu: EmulatorHandle;
  const warnings: string[] = [];
  beforeAll(async () => {
    // Lenient, so the provider's calls that place a parameter differently from the SDK still run; every
    // finding is still a warning, and the last test holds the warnings to exactly those calls.
    emu = await createEmulator({ strictParams: false, onWarning: (m) => warnings.push(m) });
  });
  afterAll(() => emu.close());

  const ok = (res: RawResponse, action: string): Json => {
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const post = async (action: string, body: Record<string, string>, query: Record<string, string> = {}): Promise<Json> =>
    ok(await acs3(emu, action, { query, body }), action);
  const get = async (action: string, query: Record<string, string>): Promise<Json> => ok(await v1Get(emu, action, { params: query }), action);

  const detail = async (id: string): Promise<Json> => (await post("DescribeServiceMeshDetail", { ServiceMeshId: id })).ServiceMesh as Json;
  const state = (mesh: Json): unknown => (mesh.ServiceMeshInfo as Json).State;

  /** The provider's waiter: DescribeServiceMeshDetail until ServiceMeshInfo.State is running. */
  async function waitRunning(id: string): Promise<Json> {
    for (let i = 0; i < 5; i++) {
      const mesh = await detail(id);
      if (state(mesh) === "running") return mesh;
    }
    throw new Error(`mesh ${id} did not reach running`);
  }

  /** The resource's read: the four calls, in order; returns the detail and the Kiali configuration. */
  async function read(id: string): Promise<{ mesh: Json; kiali: Json }> {
    const mesh = await detail(id);
    const kiali = await post("DescribeKialiConfiguration", { ServiceMeshId: id });
    await post("ListTagResources", { "ResourceId.1": id, ResourceType: "servicemesh" }, { RegionId: "cn-hangzhou" });
    const kube = await post("DescribeServiceMeshKubeconfig", { PrivateIpAddress: "true" }, { ServiceMeshId: id });
    expect(typeof kube.Kubeconfig).toBe("string");
    return { mesh, kiali };
  }

  const KIALI_READS = [
    "AggregatedKialiAddress", "AuthStrategy", "CustomPrometheusUrl", "DistributedKialiAccessTokens", "DistributedKialiAddresses",
    "Enabled", "IntegrateCLB", "KialiArmsAuthTokens", "KialiServiceAnnotations", "KialiIstioIngressAddress",
    "UsePopulatedArmsPrometheus", "OpenIdConfig", "RAMOAuthConfig", "ServerConfig",
  ];
  const OPEN_ID = { ClientId: "kiali-client", ClientSecret: "s3cret", IssuerUri: "https://idp.example.com", Scopes: ["openid", "profile"] };
  const SERVER = { WebFQDN: "kiali.example.com", WebPort: 443, WebRoot: "/kiali", WebSchema: "https" };
  let meshId = "";

  it("creates: CreateServiceMesh, waits for running, then sets the Kiali sub-configurations it has (none: {})", async () => {
    meshId = (await post("CreateServiceMesh", {
      Name: "tf-mesh", VpcId: DEFAULT_VPC, VSwitches: JSON.stringify([DEFAULT_VSWITCH]), Tracing: "false", CustomizedZipkin: "false",
      Telemetry: "true", KialiEnabled: "false", LocalityLoadBalancing: "false", Edition: "Default", ClusterSpec: "standard",
    }, { RegionId: "cn-hangzhou" })).ServiceMeshId as string;
    await waitRunning(meshId);
    // A new resource: Enabled is not sent (create sent KialiEnabled), the three JSON objects always are.
    expect(await post("UpdateKialiConfiguration", { ServiceMeshId: meshId, RAMOAuthConfig: "{}", OpenIdConfig: "{}", ServerConfig: "{}" }))
      .toEqual({ RequestId: expect.any(String) });
    expect(state(await detail(meshId))).toBe("updating");
    await waitRunning(meshId);
  });

  it("reads back Kiali off, as created, with every field the provider reads, typed as its schema wants", async () => {
    const { mesh, kiali } = await read(meshId);
    expectProviderReads("DescribeKialiConfiguration", kiali, KIALI_READS);
    expect(kiali).toMatchObject({ Enabled: false, AuthStrategy: "token", IntegrateCLB: false, OpenIdConfig: {}, RAMOAuthConfig: {}, ServerConfig: {} });
    expect(mesh).toMatchObject({ Spec: { MeshConfig: { Kiali: { Enabled: false } } } });
  });

  it("updates Kiali: only the changed settings and the three JSON objects, then waits for running", async () => {
    await post("UpdateKialiConfiguration", {
      ServiceMeshId: meshId, Enabled: "true", AuthStrategy: "openid", RAMOAuthConfig: "{}",
      OpenIdConfig: JSON.stringify(OPEN_ID), ServerConfig: JSON.stringify(SERVER),
    });
    expect(state(await detail(meshId))).toBe("updating");
    await waitRunning(meshId);
  });

  it("reads the change back from DescribeKialiConfiguration and sees Kiali on in DescribeServiceMeshDetail", async () => {
    const { mesh, kiali } = await read(meshId);
    expectProviderReads("DescribeKialiConfiguration", kiali, KIALI_READS);
    expect(kiali).toMatchObject({ Enabled: true, AuthStrategy: "openid", OpenIdConfig: OPEN_ID, ServerConfig: SERVER, RAMOAuthConfig: {} });
    expect(mesh).toMatchObject({ Spec: { MeshConfig: { Kiali: { Enabled: true } } } });
  });

  it("lists the mesh in the data source with details, reading the expected sidecar version as a string", async () => {
    const list = await get("DescribeServiceMeshes", {});
    const ids = (list.ServiceMeshes as Json[]).map((m) => (m.ServiceMeshInfo as Json).ServiceMeshId);
    expect(ids).toEqual([meshId]);
    const mesh = (await post("DescribeServiceMeshDetail", { ServiceMeshId: meshId })).ServiceMesh as Json;
    const upgrade = await get("DescribeUpgradeVersion", { ServiceMeshId: meshId });
    expect(typeof (upgrade.Version as Json).IstioOperatorVersion).toBe("string");
    const sidecar = await get("DescribeASMSidecarExpectedVersion", { ServiceMeshId: meshId });
    expectProviderReads("DescribeASMSidecarExpectedVersion", sidecar, ["Version"]);
    expect(sidecar.Version).toBe((mesh.ServiceMeshInfo as Json).Version);
    await post("DescribeServiceMeshKubeconfig", { PrivateIpAddress: "true" }, { ServiceMeshId: meshId });
  });

  it("destroys: refreshes, DeleteServiceMesh, then polls DescribeServiceMeshDetail until ServiceMesh.NotFound", async () => {
    await read(meshId);
    await post("DeleteServiceMesh", { ServiceMeshId: meshId });
    let gone: RawResponse | undefined;
    for (let i = 0; i < 5 && !gone; i++) {
      const res = await acs3(emu, "DescribeServiceMeshDetail", { body: { ServiceMeshId: meshId } });
      if (res.status !== 200) gone = res;
    }
    expect(gone?.body.Code).toBe("ServiceMesh.NotFound");
    const kiali = await acs3(emu, "DescribeKialiConfiguration", { body: { ServiceMeshId: meshId } });
    expect([kiali.status, kiali.body.Code]).toEqual([404, "ServiceMesh.NotFound"]);
  });

  it("sends the Kiali and sidecar actions exactly as their contract says; only SDK actions it places its own way are warned about", () => {
    // Each row is a call where the provider's placement differs from the SDK's (the service accepts both,
    // modelled.ts SERVICE_REJECTS_UNCONTRACTED_PARAMETERS); none concerns the actions outside the SDK.
    expect([...new Set(warnings)].sort()).toEqual([
      'CreateServiceMesh: The parameter "RegionId" of CreateServiceMesh belongs in the body, not the query. (accepted: strict parameters are off)',
      'DescribeServiceMeshKubeconfig: The parameter "PrivateIpAddress" of DescribeServiceMeshKubeconfig belongs in the query, not the body. (accepted: strict parameters are off)',
      'ListTagResources: The parameter "ResourceId.1" of ListTagResources belongs in the query, not the body. The parameter "ResourceType" of ListTagResources belongs in the query, not the body. (accepted: strict parameters are off)',
    ]);
  });
});

describe("the actions outside the SDK under strict parameters", () => {
  let emu: EmulatorHandle;
  let meshId = "";
  beforeAll(async () => {
    emu = await createEmulator({ strictParams: true, onWarning: () => undefined });
    meshId = (await acs3(emu, "CreateServiceMesh", { body: { RegionId: "cn-hangzhou", VpcId: DEFAULT_VPC, VSwitches: JSON.stringify([DEFAULT_VSWITCH]), Telemetry: "true" } })).body.ServiceMeshId as string;
    await acs3(emu, "DescribeServiceMeshDetail", { body: { ServiceMeshId: meshId } });
  });
  afterAll(() => emu.close());

  it("accepts every parameter the Terraform provider sends, where it sends them", async () => {
    const update = await acs3(emu, "UpdateKialiConfiguration", {
      body: {
        ServiceMeshId: meshId, Enabled: "true", CustomPrometheusUrl: "http://prometheus:9090", IntegrateCLB: "true",
        KialiServiceAnnotations: JSON.stringify({ [meshId]: { "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec": "slb.s1.small" } }),
        KialiArmsAuthTokens: JSON.stringify({ c1: "t" }), AuthStrategy: "ramoauth", RAMOAuthConfig: JSON.stringify({ RedirectUris: "https://kiali.example.com" }),
        OpenIdConfig: "{}", ServerConfig: "{}",
      },
    });
    expect(update.status).toBe(200);
    expect((await acs3(emu, "DescribeKialiConfiguration", { body: { ServiceMeshId: meshId } })).status).toBe(200);
    expect((await v1Get(emu, "DescribeASMSidecarExpectedVersion", { params: { ServiceMeshId: meshId } })).status).toBe(200);
  });

  const kialiEnabled = async (id: string): Promise<unknown> => (await acs3(emu, "DescribeKialiConfiguration", { body: { ServiceMeshId: id } })).body.Enabled;
  const settle = async (id: string): Promise<void> => {
    for (let i = 0; i < 3; i++) await acs3(emu, "DescribeServiceMeshDetail", { body: { ServiceMeshId: id } });
  };

  it("shows Kiali turned off by UpdateMeshFeature in DescribeKialiConfiguration too", async () => {
    await settle(meshId);
    expect(await kialiEnabled(meshId)).toBe(true);
    expect((await acs3(emu, "UpdateMeshFeature", { body: { ServiceMeshId: meshId, KialiEnabled: "false" } })).status).toBe(200);
    expect(await kialiEnabled(meshId)).toBe(false);
    await settle(meshId);
  });

  it("refuses Kiali on a mesh whose Telemetry is off, and a sub-configuration field it does not have", async () => {
    const id = (await acs3(emu, "CreateServiceMesh", { body: { RegionId: "cn-hangzhou", VpcId: DEFAULT_VPC, VSwitches: JSON.stringify([DEFAULT_VSWITCH]), Telemetry: "false" } })).body.ServiceMeshId as string;
    await settle(id);
    const enable = await acs3(emu, "UpdateKialiConfiguration", { body: { ServiceMeshId: id, Enabled: "true" } });
    expect([enable.body.Code, enable.body.Message]).toEqual(["InvalidParameter", 'The parameter "Enabled" is invalid: Kiali needs Telemetry=true; turn it on with UpdateMeshFeature first.']);
    const port = await acs3(emu, "UpdateKialiConfiguration", { body: { ServiceMeshId: id, ServerConfig: JSON.stringify({ WebPort: "443" }) } });
    expect(port.body.Message).toBe('The parameter "ServerConfig" is invalid: WebPort must be an integer from 1 to 65535.');
    const field = await acs3(emu, "UpdateKialiConfiguration", { body: { ServiceMeshId: id, OpenIdConfig: JSON.stringify({ ClientID: "x" }) } });
    // Strict parameters find the misspelt field first; a lenient emulator's handler refuses it too (next test).
    expect(field.body.Message).toBe('The parameter "OpenIdConfig.ClientID" is not a parameter of action UpdateKialiConfiguration. The JSON in OpenIdConfig has the fields ClientId, ClientSecret, IssuerUri, Scopes.');
    expect(await kialiEnabled(id)).toBe(false);
  });

  it("refuses a sub-configuration field it does not have with lenient parameters too, from the handler", async () => {
    const lenient = await createEmulator({ strictParams: false, onWarning: () => undefined });
    try {
      const id = (await acs3(lenient, "CreateServiceMesh", { body: { RegionId: "cn-hangzhou", VpcId: DEFAULT_VPC, VSwitches: JSON.stringify([DEFAULT_VSWITCH]) } })).body.ServiceMeshId as string;
      for (let i = 0; i < 2; i++) await acs3(lenient, "DescribeServiceMeshDetail", { body: { ServiceMeshId: id } });
      const field = await acs3(lenient, "UpdateKialiConfiguration", { body: { ServiceMeshId: id, OpenIdConfig: JSON.stringify({ ClientID: "x" }) } });
      expect(field.body.Message).toBe('The parameter "OpenIdConfig" is invalid: "ClientID" is not one of its fields (ClientId, ClientSecret, IssuerUri, Scopes).');
    } finally {
      await lenient.close();
    }
  });

  it("reports the upgraded version as the sidecars' expected one once the upgrade completes", async () => {
    const version = async () => (await v1Get(emu, "DescribeASMSidecarExpectedVersion", { params: { ServiceMeshId: meshId } })).body.Version;
    const before = await version();
    expect((await acs3(emu, "UpgradeMeshVersion", { query: { ServiceMeshId: meshId } })).status).toBe(200);
    expect(await version()).toBe(before);
    await settle(meshId);
    const after = await version();
    expect(after).not.toBe(before);
    const detail = (await acs3(emu, "DescribeServiceMeshDetail", { body: { ServiceMeshId: meshId } })).body.ServiceMesh as Record<string, Record<string, unknown>>;
    expect(after).toBe(detail.ServiceMeshInfo.Version);
  });

  it("refuses a parameter the contract lacks, or one in the other place, naming it", async () => {
    const unknown = await acs3(emu, "UpdateKialiConfiguration", { body: { ServiceMeshId: meshId, KialiEnabled: "true" } });
    expect([unknown.body.Code, unknown.body.Message]).toEqual(["InvalidParameter.NotInAction", 'The parameter "KialiEnabled" is not a parameter of action UpdateKialiConfiguration.']);
    const misplaced = await acs3(emu, "DescribeKialiConfiguration", { query: { ServiceMeshId: meshId } });
    expect(misplaced.body.Message).toBe('The parameter "ServiceMeshId" of DescribeKialiConfiguration belongs in the body, not the query.');
    const inBody = await acs3(emu, "DescribeASMSidecarExpectedVersion", { body: { ServiceMeshId: meshId } });
    expect(inBody.body.Message).toBe('The parameter "ServiceMeshId" of DescribeASMSidecarExpectedVersion belongs in the query, not the body.');
  });
});
