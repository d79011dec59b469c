import { checkInputs, diffInputs, f, getPath, setPath, specsFromPaths, UNKNOWN, type FieldSpecs } from "../../provider/schema";

const specs: FieldSpecs = {
  name: f.string({ pattern: /^[a-z-]+$/, patternHint: "lowercase letters and '-'" }),
  edition: f.enumOf(["Default", "Pro"], { createOnly: true, default: "Pro" }),
  network: f.object(
    {
      vpcId: f.string({ required: true, createOnly: true, hint: "the VPC id (vpc-...) the mesh runs in" }),
      vSwitchIds: f.stringList({ required: true, createOnly: true, minItems: 1 }),
    },
    { required: true },
  ),
  tracing: f.object({ enabled: f.bool(), sampling: f.number({ min: 0, max: 100 }) }),
  port: f.int({ min: 1, max: 65535 }),
  tags: f.stringMap({ maxEntries: 2 }),
  password: f.string({ secret: true, pattern: /^.{8,}$/, patternHint: "at least 8 characters" }),
};
const valid = { network: { vpcId: "vpc-1", vSwitchIds: ["vsw-1"] } };

describe("checkInputs", () => {
  it.each([
    ["a missing required field names what to give", { network: { vSwitchIds: ["vsw-1"] } }, "network.vpcId", "required; give the VPC id (vpc-...) the mesh runs in"],
    ["a value outside an enum lists the allowed values", { ...valid, edition: "Ultra" }, "edition", '"Ultra" is not allowed; use one of Default, Pro'],
    ["a wrong type says what was expected", { ...valid, tracing: { enabled: "yes" } }, "tracing.enabled", "expected true or false, got a string"],
    ["a number above the maximum gives the maximum", { ...valid, tracing: { sampling: 120 } }, "tracing.sampling", "120 is too large; the maximum is 100"],
    ["a fraction for an integer is refused", { ...valid, port: 80.5 }, "port", "80.5 is not allowed; expected a whole number"],
    ["a pattern mismatch quotes the value and the expected form", { ...valid, name: "Bad_Name" }, "name", "\"Bad_Name\" is not valid; expected lowercase letters and '-'"],
    ["an empty list below minItems gives the minimum", { network: { vpcId: "vpc-1", vSwitchIds: [] } }, "network.vSwitchIds", "needs at least 1 item(s), got 0"],
    ["duplicate list items are refused", { network: { vpcId: "vpc-1", vSwitchIds: ["a", "a"] } }, "network.vSwitchIds", "contains duplicates; list each value once"],
    ["too many map entries gives the limit", { ...valid, tags: { a: "1", b: "2", c: "3" } }, "tags", "allows at most 2 entries, got 3"],
    ["a secret value is never quoted", { ...valid, password: "short" }, "password", "the given value is not valid; expected at least 8 characters"],
    ["an unknown input name is reported with the known ones", { ...valid, nmae: "x" }, "nmae", "is not a known input; known inputs are name, edition, network, tracing, port, tags, password"],
  ])("%s", (_title, news, property, reason) => {
    expect(checkInputs(specs, news).failures).toEqual([{ property, reason }]);
  });

  it("applies defaults and trims strings in the normalized inputs", () => {
    const { inputs, failures } = checkInputs(specs, { ...valid, name: "  mesh-a " });
    expect(failures).toEqual([]);
    expect(inputs).toEqual({ name: "mesh-a", edition: "Pro", network: { vpcId: "vpc-1", vSwitchIds: ["vsw-1"] } });
  });

  it("skips validation of values still unknown during preview", () => {
    const { inputs, failures } = checkInputs(specs, { network: { vpcId: UNKNOWN, vSwitchIds: UNKNOWN }, port: UNKNOWN });
    expect(failures).toEqual([]);
    expect(inputs.port).toBe(UNKNOWN);
  });

  it("keeps Pulumi's internal keys and declared outputs without reporting them", () => {
    const { inputs, failures } = checkInputs(specs, { ...valid, __provider: "serialized", meshId: undefined }, ["meshId"]);
    expect(failures).toEqual([]);
    expect(inputs.__provider).toBe("serialized");
  });
});

describe("diffInputs", () => {
  const base = { ...valid, edition: "Pro", tracing: { enabled: false }, tags: { a: "1" } };
  it.each([
    ["no change", base, [], []],
    ["an updatable nested field is a change, not a replace", { ...base, tracing: { enabled: true } }, ["tracing.enabled"], []],
    ["a create-only field replaces under its top-level property", { ...base, network: { vpcId: "vpc-2", vSwitchIds: ["vsw-1"] } }, ["network.vpcId"], ["network"]],
    ["list order matters for lists", { ...base, network: { vpcId: "vpc-1", vSwitchIds: ["vsw-1", "vsw-2"] } }, ["network.vSwitchIds"], ["network"]],
    ["a map change is one change", { ...base, tags: { a: "2" } }, ["tags"], []],
    ["removing an optional field is a change", { ...valid, edition: "Pro", tags: { a: "1" } }, ["tracing.enabled"], []],
    ["an unknown create-only value is treated as a replace", { ...base, edition: UNKNOWN }, ["edition"], ["edition"]],
    ["an unknown nested group counts as a change of that group", { ...base, tracing: UNKNOWN }, ["tracing"], []],
  ])("%s", (_title, news, changed, replaces) => {
    expect(diffInputs(specs, base, news as Record<string, unknown>)).toEqual({ changed, replaces });
  });

  it("changes a create-only field in place when its inPlaceWhen allows that change, and replaces otherwise", () => {
    const tiered: FieldSpecs = { tier: f.enumOf(["basic", "premium"], { createOnly: true, inPlaceWhen: (b, a) => b === "basic" && a === "premium" }) };
    expect(diffInputs(tiered, { tier: "basic" }, { tier: "premium" })).toEqual({ changed: ["tier"], replaces: [] });
    expect(diffInputs(tiered, { tier: "premium" }, { tier: "basic" })).toEqual({ changed: ["tier"], replaces: ["tier"] });
    expect(diffInputs(tiered, { tier: "basic" }, { tier: UNKNOWN })).toEqual({ changed: ["tier"], replaces: ["tier"] });
  });

  it("ignores outputs and keys not declared in the spec", () => {
    expect(diffInputs(specs, { ...base, state: "running", __provider: "a" }, { ...base, __provider: "b" })).toEqual({ changed: [], replaces: [] });
  });
});

describe("paths", () => {
  it("reads, writes and builds nested specs from dotted paths", () => {
    expect(getPath({ a: { b: 1 } }, "a.b")).toBe(1);
    expect(getPath({ a: 1 }, "a.b")).toBeUndefined();
    expect(setPath({ a: { c: 2 } }, "a.b", 1)).toEqual({ a: { b: 1, c: 2 } });
    const built = specsFromPaths([{ path: "x", field: f.bool() }, { path: "g.y", field: f.int() }, { path: "g.z", field: f.string() }], { g: { description: "A group." } });
    expect(Object.keys(built)).toEqual(["x", "g"]);
    expect(Object.keys(built.g.fields)).toEqual(["y", "z"]);
    expect(built.g.description).toBe("A group.");
    expect(built.g.fields.y.kind).toBe("int");
  });
});
