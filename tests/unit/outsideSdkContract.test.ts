// The contracts kept outside the SDK (emulator/contract/outsideSdk/): the actions the emulator serves
// for the Terraform provider that the official SDK lacks. They load with the SDK's, name where their facts
// come from, and the strict parameter check holds requests to them like any other action.
import * as fs from "node:fs";
import * as path from "node:path";
import { CONTRACT_DIR, loadContract, OUTSIDE_SDK_FOLDER } from "../../emulator/contract/contract";
import type { EmulatorError } from "../../emulator/errors/catalog";
import { findParamProblems, ParamChecker } from "../../emulator/http/paramCheck";
import type { RpcRequest } from "../../emulator/http/parseRpc";

const OUTSIDE = ["DescribeASMSidecarExpectedVersion", "DescribeKialiConfiguration", "UpdateKialiConfiguration"];
const contract = loadContract();

function request(action: string, query: [string, string][], body: [string, string][]): RpcRequest {
  const flat = Object.fromEntries([...query, ...body]);
  return { method: "POST", action, version: "2020-01-11", query, body, flat, params: flat };
}

describe("contracts kept outside the SDK", () => {
  it("load from outsideSdk/ for exactly the files there, each an action the SDK lacks", () => {
    const files = fs.readdirSync(path.join(CONTRACT_DIR, OUTSIDE_SDK_FOLDER)).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5));
    expect(files.sort()).toEqual(OUTSIDE);
    const marked = Object.entries(contract.index.actions).filter(([, e]) => e.outsideSdk).map(([a]) => a);
    expect(marked).toEqual(OUTSIDE);
    for (const action of OUTSIDE) {
      expect(contract.index.actions[action].inSdk).toBe(false);
      expect(contract.index.missingFromSdk).toContain(action);
      expect(contract.actions.get(action)?.action).toBe(action);
    }
  });

  it("name the public client, its commit and what each file read gave", () => {
    for (const action of OUTSIDE) {
      const source = contract.actions.get(action)?.source;
      expect(source).toMatchObject({ repository: "github.com/aliyun/terraform-provider-alicloud", commit: expect.stringMatching(/^[0-9a-f]{40}$/) });
      expect(Object.keys(source?.files ?? {}).length).toBeGreaterThan(0);
    }
    // The SDK's own files carry no such note: their source is the index's SDK commit.
    expect(contract.actions.get("DescribeServiceMeshDetail")?.source).toBeUndefined();
  });

  it("find a parameter the action lacks, one in the other place, and one sent as a list", () => {
    const update = contract.actions.get("UpdateKialiConfiguration");
    if (!update) throw new Error("no UpdateKialiConfiguration contract");
    expect(findParamProblems(update, [["ServiceMeshId", "c1"]], [["Enabled", "true"], ["Colour", "blue"], ["OpenIdConfig.ClientId", "x"]])).toEqual([
      { kind: "place", name: "ServiceMeshId", sentIn: "query", belongs: "body" },
      { kind: "unknown", name: "Colour", sentIn: "body", hint: "" },
      { kind: "encoding", name: "OpenIdConfig.ClientId", sentIn: "body", form: "send OpenIdConfig (one JSON string)." },
    ]);
  });

  it("are checked by the strict parameter check, without the warning for an uncovered action", () => {
    const warnings: string[] = [];
    const checker = new ParamChecker({ strict: true, warn: (m) => warnings.push(m) });
    expect(() => checker.check("DescribeASMSidecarExpectedVersion", request("DescribeASMSidecarExpectedVersion", [["ServiceMeshId", "c1"]], []))).not.toThrow();
    expect(() => checker.check("DescribeKialiConfiguration", request("DescribeKialiConfiguration", [], [["ServiceMeshId", "c1"]]))).not.toThrow();
    expect(warnings).toEqual([]);
    let refused: EmulatorError | undefined;
    try {
      checker.check("DescribeKialiConfiguration", request("DescribeKialiConfiguration", [], [["ServiceMeshId", "c1"], ["Verbose", "true"]]));
    } catch (e) {
      refused = e as EmulatorError;
    }
    expect([refused?.code, refused?.message]).toEqual(["InvalidParameter.NotInAction", 'The parameter "Verbose" is not a parameter of action DescribeKialiConfiguration.']);
    expect(warnings).toEqual(['DescribeKialiConfiguration: The parameter "Verbose" is not a parameter of action DescribeKialiConfiguration.']);
  });
});
