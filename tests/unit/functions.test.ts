// The functions as tables (provider/functions/, schema/function.ts): the arguments are checked with a
// failure naming the bad one, the response is read at the paths the API contract (emulator/contract/) says
// it reports, and the filters narrow the list as documented.
import { loadContract, type TypeNode } from "../../emulator/contract/contract";
import { FUNCTIONS } from "../../provider/functions";
import { readActionOf } from "../../provider/functions/run";
import { checkFunctionArgs, functionRequest, functionResult, type Field, type FieldSpecs, type FunctionDescription } from "../../provider/schema";

const meshes = FUNCTIONS.getServiceMeshes;
const versions = FUNCTIONS.getVersions;
const NAMES = Object.keys(FUNCTIONS) as (keyof typeof FUNCTIONS)[];

/** A DescribeServiceMeshes row in the SDK's wire shape. */
const row = (id: string, name: string, state: string) => ({
  ServiceMeshInfo: { ServiceMeshId: id, Name: name, State: state, Version: "v1.22.6.71-g2e3b70de-aliyun", Profile: "Default", RegionId: "cn-hangzhou", ErrorMessage: "" },
  ClusterSpec: "standard",
  Clusters: ["c-ack-1"],
  Endpoints: { IntranetApiServerEndpoint: "https://10.0.0.1:6443", PublicApiServerEndpoint: "" },
  Spec: { Network: { VpcId: "vpc-a", VSwitches: ["vsw-a"], SecurityGroupId: "sg-a" } },
  Tag: [{ Key: "team", Value: "mesh" }],
  Upgradable: "true",
});

/** "path: problem" for every read-back path of `fields` the contract's response tree does not have. */
function pathProblems(fields: FieldSpecs, node: { [name: string]: TypeNode } | undefined, at: string): string[] {
  return Object.entries(fields).flatMap(([name, field]) => {
    const readBack = field.readBack;
    if (typeof readBack !== "string") return [`${at}${name}: no read-back path`];
    let cur: TypeNode | undefined = { type: "object", children: node };
    for (const key of readBack.split(".")) cur = cur?.children?.[key];
    if (cur === undefined) return [`${at}${name}: ${readBack} is not in the response`];
    return shapeProblems(field, cur, `${at}${name}`);
  });
}

function shapeProblems(field: Field, node: TypeNode, at: string): string[] {
  switch (field.kind) {
    case "object": return node.type === "object" ? pathProblems(field.fields, node.children, `${at}.`) : [`${at}: an object is ${node.type}`];
    case "list":
      if (node.type !== "array" || node.items === undefined) return [`${at}: a list is ${node.type}`];
      return field.item.kind === "object" ? shapeProblems(field.item, node.items, `${at}[]`) : [];
    case "stringList": return node.type === "array" && node.items?.type === "string" ? [] : [`${at}: a list of strings is ${node.type}`];
    case "bool": return node.type === "boolean" ? [] : [`${at}: a boolean is ${node.type}`];
    case "string": return node.type === "string" ? [] : [`${at}: a string is ${node.type}`];
    default: return [`${at}: ${field.kind} is not a result kind these tests know`];
  }
}

describe("each function's description", () => {
  const contract = loadContract();

  it.each(NAMES)("%s calls a read-only action of the catalog", (name) => {
    expect(readActionOf(FUNCTIONS[name])).toBe(FUNCTIONS[name].action);
  });

  it.each(NAMES)("%s reads every result field where the API contract says the response has it, with its type", (name) => {
    const d: FunctionDescription = FUNCTIONS[name];
    expect(pathProblems(d.outputs, contract.actions.get(d.action)?.response, "")).toEqual([]);
  });

  it.each(NAMES)("%s filters only by its own arguments, on fields of its result list's items", (name) => {
    const d: FunctionDescription = FUNCTIONS[name];
    const list = d.outputs[d.filters?.list ?? ""];
    expect(list?.kind).toBe("list");
    const item = list?.kind === "list" && list.item.kind === "object" ? list.item.fields : {};
    for (const [arg, filter] of Object.entries(d.filters?.by ?? {})) {
      expect([arg, arg in d.inputs, filter.item in item]).toEqual([arg, true, true]);
    }
  });

  it("refuses a description whose action writes", () => {
    expect(() => readActionOf({ ...meshes, action: "DeleteServiceMesh" })).toThrow("DeleteServiceMesh, which changes things; a function only reads");
    expect(() => readActionOf({ ...meshes, action: "DescribeNothing" })).toThrow("DescribeNothing, which is not in the operation catalog");
  });
});

describe("checking a function's arguments", () => {
  it("accepts no arguments and each filter alone, sending the action nothing (the filters are the provider's)", () => {
    expect(checkFunctionArgs(meshes, {})).toEqual({ args: {}, failures: [] });
    const given = { name: "prod", meshId: "c0123456789abcdef0123456789abcdef", state: "running" };
    expect(checkFunctionArgs(meshes, given)).toEqual({ args: given, failures: [] });
    expect(functionRequest(meshes, given)).toEqual({});
  });

  it("names an argument the function does not take, and what it takes", () => {
    expect(checkFunctionArgs(meshes, { nmae: "prod" }).failures).toEqual([
      { property: "nmae", reason: "nmae is not an argument of getServiceMeshes; it takes name, meshId and state" },
    ]);
  });

  it("names a mesh id that is not one, a state not as the API spells it, and an empty name", () => {
    const { failures } = checkFunctionArgs(meshes, { meshId: "mesh-1", state: "Running", name: " " });
    expect(failures).toEqual([
      { property: "name", reason: "must not be empty" },
      { property: "meshId", reason: '"mesh-1" is not valid; expected a ServiceMeshId (c followed by lowercase hex)' },
      { property: "state", reason: '"Running" is not valid; expected a state in lower case as the API reports it, such as running or initial' },
    ]);
  });

  it("names an argument of the wrong type", () => {
    expect(checkFunctionArgs(versions, { edition: 3 }).failures).toEqual([{ property: "edition", reason: "expected a string, got a number" }]);
  });
});

describe("reading a function's result", () => {
  const response = { ServiceMeshes: [row("c1aaaaaaaa", "prod", "running"), row("c2bbbbbbbb", "dev", "initial")] };

  it("maps a DescribeServiceMeshes row onto the result's fields, in the result's types", () => {
    const { result } = functionResult(meshes, response, {});
    expect((result.meshes as unknown[])[0]).toEqual({
      meshId: "c1aaaaaaaa", name: "prod", state: "running", version: "v1.22.6.71-g2e3b70de-aliyun", edition: "Default", regionId: "cn-hangzhou",
      clusterSpec: "standard", clusters: ["c-ack-1"], network: { vpcId: "vpc-a", vSwitchIds: ["vsw-a"], securityGroupId: "sg-a" },
      endpoints: { intranetApiServer: "https://10.0.0.1:6443" }, tags: [{ key: "team", value: "mesh" }], upgradable: true,
    });
  });

  it("keeps the meshes that match every given filter", () => {
    const ids = (args: Record<string, unknown>) => (functionResult(meshes, response, args).result.meshes as { meshId: string }[]).map((m) => m.meshId);
    expect(ids({})).toEqual(["c1aaaaaaaa", "c2bbbbbbbb"]);
    expect(ids({ name: "dev" })).toEqual(["c2bbbbbbbb"]);
    expect(ids({ meshId: "c1aaaaaaaa" })).toEqual(["c1aaaaaaaa"]);
    expect(ids({ state: "initial" })).toEqual(["c2bbbbbbbb"]);
    expect(ids({ name: "prod", state: "initial" })).toEqual([]);
  });

  it("answers an empty list when the API lists none or leaves the list out", () => {
    expect(functionResult(meshes, { ServiceMeshes: [] }, {}).result).toEqual({ meshes: [] });
    expect(functionResult(meshes, {}, {}).result).toEqual({ meshes: [] });
    expect(functionResult(versions, {}, {}).result).toEqual({ editions: [] });
  });

  it("narrows the versions to one edition, and names an edition the API does not report with the ones it does", () => {
    const offered = { VersionInfo: [{ Edition: "Default", Versions: ["v1.21", "v1.22"] }, { Edition: "Pro", Versions: ["v1.22"] }] };
    expect(functionResult(versions, offered, { edition: "Pro" })).toEqual({ result: { editions: [{ edition: "Pro", versions: ["v1.22"] }] }, failures: [] });
    expect(functionResult(versions, offered, { edition: "Ultimate" }).failures).toEqual([
      { property: "edition", reason: 'the API reports no edition "Ultimate"; it reports Default and Pro' },
    ]);
  });
});
