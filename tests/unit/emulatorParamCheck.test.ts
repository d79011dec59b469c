// The strict-parameter check on its own (emulator/http/paramCheck.ts), with a made-up action that has every
// encoding the contract knows, flattened maps included (no action in scope uses one today).
import type { ContractAction, ContractParam } from "../../emulator/contract/contract";
import { findParamProblems, wireForm } from "../../emulator/http/paramCheck";

const param = (p: Partial<ContractParam> & Pick<ContractParam, "name">): ContractParam => ({ place: "body", encoding: "plain", type: "string", ...p });

const ACTION: ContractAction = {
  action: "DoEverything",
  method: "POST",
  response: {},
  params: [
    param({ name: "MeshId" }),
    param({ name: "RegionId", place: "query" }),
    param({ name: "Ids", place: "query", encoding: "repeatList", type: "array", items: { type: "string" } }),
    param({ name: "Tag", place: "query", encoding: "repeatList", type: "array", items: { type: "object", children: { Key: { type: "string" }, Value: { type: "string" } } } }),
    param({ name: "Labels", encoding: "flatMap", type: "map", values: { type: "string" } }),
    param({ name: "Limits", encoding: "flatMap", type: "object", children: { Cpu: { type: "string" }, Memory: { type: "string" } } }),
    param({ name: "Route", encoding: "json", type: "object", children: { Name: { type: "string" } } }),
  ],
};

const check = (query: Record<string, string>, body: Record<string, string> = {}) =>
  findParamProblems(ACTION, Object.entries(query), Object.entries(body));

describe("findParamProblems", () => {
  it("accepts every encoding in the form the SDK writes it", () => {
    expect(check(
      { RegionId: "r", "Ids.1": "a", "Ids.2": "b", "Tag.1.Key": "k", "Tag.1.Value": "v", "Tag.2.Key": "k2" },
      { MeshId: "m", "Labels.app": "web", "Labels.tier": "front", "Limits.Cpu": "1", "Limits.Memory": "1Gi", Route: '{"Name":"r"}' },
    )).toEqual([]);
  });

  it("recognises a flattened map's keys as the map, and refuses the map sent as one value or a field its object lacks", () => {
    expect(check({}, { Labels: "app=web", "Limits.Disk": "1" })).toEqual([
      { kind: "encoding", name: "Labels", sentIn: "body", form: "send it as Labels.<key>." },
      { kind: "unknown", name: "Limits.Disk", sentIn: "body", hint: " Limits is sent as Limits.Cpu, Limits.Memory." },
    ]);
  });

  it("refuses a JSON parameter flattened into keys, and an item of a scalar list given fields", () => {
    expect(check({ "Ids.1.Name": "a" }, { "Route.Name": "r" })).toEqual([
      { kind: "unknown", name: "Ids.1.Name", sentIn: "query", hint: " Ids is sent as Ids.N." },
      { kind: "encoding", name: "Route.Name", sentIn: "body", form: "send Route (one JSON string)." },
    ]);
  });

  it("names the place a flattened key belongs by its base parameter", () => {
    expect(check({ "Labels.app": "web" }, { "Tag.1.Key": "k" })).toEqual([
      { kind: "place", name: "Labels.app", sentIn: "query", belongs: "body" },
      { kind: "place", name: "Tag.1.Key", sentIn: "body", belongs: "query" },
    ]);
  });

  it("lets protocol parameters through anywhere, but holds RegionId to its place when the action has it", () => {
    expect(check({ Action: "DoEverything", Version: "2020-01-11", Format: "JSON", SignatureNonce: "n", TimeStamp: "t" }, { AccessKeyId: "k" })).toEqual([]);
    expect(check({}, { RegionId: "r" })).toEqual([{ kind: "place", name: "RegionId", sentIn: "body", belongs: "query" }]);
  });

  it("reports a repeated key once per place, and ignores an empty key", () => {
    const query: [string, string][] = [["Colour", "a"], ["Colour", "b"], ["", "x"]];
    expect(findParamProblems(ACTION, query, [["Colour", "c"]])).toEqual([
      { kind: "unknown", name: "Colour", sentIn: "query", hint: "" },
      { kind: "unknown", name: "Colour", sentIn: "body", hint: "" },
    ]);
  });

  it("suggests a parameter differing in case or by up to two letters, and nothing further off", () => {
    expect(check({}, { meshid: "m", MeshIdd: "m", Colour: "x" }).map((f) => (f.kind === "unknown" ? f.hint : f.kind))).toEqual([
      ' Did you mean "MeshId"?', ' Did you mean "MeshId"?', "",
    ]);
  });
});

describe("wireForm", () => {
  it("spells each encoding as the SDK writes it", () => {
    expect(ACTION.params.map(wireForm)).toEqual([
      "MeshId (one value)", "RegionId (one value)", "Ids.N", "Tag.N.Key, Tag.N.Value", "Labels.<key>", "Limits.Cpu, Limits.Memory", "Route (one JSON string)",
    ]);
  });
});
