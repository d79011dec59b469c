// The provider's wire against the strict emulator, which refuses a parameter the API contract (from the
// official SDK) does not give the action, or one sent in the other place. The provider tests only send
// what their inputs set; here the mesh's request builders set every input at once, so a parameter no test
// happens to use cannot slip through.
import { createEmulator, DEFAULT_REGION, DEFAULT_VPC, DEFAULT_VSWITCH, type EmulatorHandle } from "../../emulator";
import { AsmApiError, AsmClient, OpenApiTransport } from "../../provider/api";
import { MESH_PARAMS } from "../../provider/resources/serviceMesh/params";
import { toControlPlaneLogRequest, toCreateRequest, toFeatureRequest } from "../../provider/resources/serviceMesh/wire";
import { setPath, type Field, type Props } from "../../provider/schema";

/** One value of the field's kind; the emulator may refuse it as a value, but only after the parameter check. */
function sample(field: Field): unknown {
  switch (field.kind) {
    case "bool": return true;
    case "int": case "number": return 1;
    case "enum": return field.values[0];
    default: return "x";
  }
}

const STRICT_CODES = ["InvalidParameter.NotInAction", "InvalidParameter.WrongPlace", "InvalidParameter.WrongEncoding"];

describe("the provider's ServiceMesh requests against the strict emulator", () => {
  let emu: EmulatorHandle;
  let api: AsmClient;
  const warnings: string[] = [];
  beforeAll(async () => {
    emu = await createEmulator({ profile: "instant", strictParams: true, onWarning: (m) => warnings.push(m) });
    api = new AsmClient(new OpenApiTransport({ endpoint: emu.endpoint, protocol: "HTTP", regionId: DEFAULT_REGION, credentials: emu.credentials }));
  });
  afterAll(() => emu.close());

  /** The call's answer code: "" on success. */
  async function codeOf(call: () => Promise<unknown>): Promise<string> {
    try {
      await call();
      return "";
    } catch (e) {
      if (e instanceof AsmApiError) return e.code;
      throw e;
    }
  }

  it("sends only parameters the SDK has, each where the SDK sends it, with every mesh input set", async () => {
    let inputs: Props = { name: "every-input", network: { vpcId: DEFAULT_VPC, vSwitchIds: [DEFAULT_VSWITCH] }, tags: { team: "mesh" } };
    for (const p of MESH_PARAMS) inputs = setPath(inputs, p.path, sample(p.field));
    const every = MESH_PARAMS.map((p) => p.path);
    const codes = [
      await codeOf(() => api.call("CreateServiceMesh", toCreateRequest(inputs, DEFAULT_REGION, { "asm-pulumi:owner": "o" }))),
      await codeOf(() => api.call("UpdateMeshFeature", { ServiceMeshId: "c1", ...toFeatureRequest(inputs, every) })),
      await codeOf(() => api.call("UpdateControlPlaneLogConfig", { ServiceMeshId: "c1", Enabled: false, ...toControlPlaneLogRequest(inputs, every) })),
    ];
    // The warnings name each refused parameter and where it belongs.
    expect(warnings).toEqual([]);
    expect(codes.filter((c) => STRICT_CODES.includes(c))).toEqual([]);
  });
});
