import { checkResource, diffResource, f, UNKNOWN, type FieldSpecs, type ResourceDescription } from "../../provider/schema";

const fields = {
  name: f.string({ required: true, createOnly: true }),
  token: f.string({ secret: true, createOnly: true }),
  ports: f.list(f.object({ port: f.int({ required: true, min: 1, max: 65535 }), name: f.string() })),
  numbers: f.list(f.int({ min: 1 }), { itemsHint: "positive whole numbers" }),
  extra: f.json({ reservedKeys: ["ports"] }),
  zone: f.string({ computed: true }),
} satisfies FieldSpecs;

const base: ResourceDescription = { kind: "Thing", fields, outputs: [] };

describe("schema engine: field kinds", () => {
  it("checks every element of a list of objects, naming the element and its field", () => {
    const r = checkResource(base, {}, { name: "a", ports: [{ port: 80 }, { port: 0 }, "x", { port: 81, extra: 1 }] });
    expect(r.failures).toEqual([
      { property: "ports[1].port", reason: "0 is too small; the minimum is 1" },
      { property: "ports[2]", reason: "inputs must be an object" },
      { property: "ports[3].extra", reason: "is not a known input; known inputs are port, name" },
    ]);
  });

  it("words one message for a list of plain values that has a bad item, when the field gives one", () => {
    expect(checkResource(base, {}, { name: "a", numbers: [1, 0] }).failures).toEqual([{ property: "numbers", reason: "expected a list of positive whole numbers" }]);
    expect(checkResource(base, {}, { name: "a", numbers: 3 }).failures).toEqual([{ property: "numbers", reason: "expected a list of positive whole numbers" }]);
  });

  it("refuses reserved keys and non-JSON values in a free JSON object", () => {
    expect(checkResource(base, {}, { name: "a", extra: { ports: 1, a: [Number.NaN] } }).failures).toEqual([
      { property: "extra", reason: "ports must be set through the typed argument(s) of the same name, not here" },
      { property: "extra.a[0]", reason: "is not a JSON value (use strings, numbers, booleans, null, lists and objects)" },
    ]);
  });

  it("passes unknown list elements through unchecked during preview", () => {
    expect(checkResource(base, {}, { name: "a", ports: [UNKNOWN] }).failures).toEqual([]);
  });

  it("keeps a server-computed value the program leaves unset, and compares one it sets", () => {
    expect(diffResource(base, { name: "a", zone: "z1" }, { name: "a" }).diff.changed).toEqual([]);
    expect(diffResource(base, { name: "a", zone: "z1" }, { name: "a", zone: "z2" }).diff.changed).toEqual(["zone"]);
  });

  it("compares lists of objects and JSON objects as whole values, in place", () => {
    const d = diffResource(base, { name: "a", ports: [{ port: 80 }] }, { name: "a", ports: [{ port: 81 }], extra: { a: 1 } });
    expect(d).toMatchObject({ changes: true, replaces: [], deleteBeforeReplace: false, diff: { changed: ["ports", "extra"] } });
  });
});

describe("schema engine: the resource description", () => {
  it("returns the warnings of validate with the inputs accepted", () => {
    const d: ResourceDescription = { ...base, validate: () => ({ warnings: ["expires soon"] }) };
    expect(checkResource(d, {}, { name: "a" })).toEqual({ inputs: { name: "a" }, failures: [], warnings: ["expires soon"] });
  });

  it("gives validate the recorded inputs, and runs it only on valid fields unless told otherwise", () => {
    const seen: unknown[] = [];
    const d: ResourceDescription = { ...base, validate: (_i, olds) => (seen.push(olds.name), { failures: [{ property: "name", reason: "taken" }] }) };
    expect(checkResource(d, { name: "old" }, { name: "a" }).failures).toEqual([{ property: "name", reason: "taken" }]);
    expect(checkResource(d, {}, { name: "a", ports: 1 }).failures.map((x) => x.property)).toEqual(["ports"]);
    expect(checkResource({ ...d, validateWithFieldFailures: true }, {}, { name: "a", ports: 1 }).failures.map((x) => x.property)).toEqual(["ports", "name"]);
    expect(seen).toEqual(["old", undefined]);
  });

  it("prepares the program's inputs before the check and derives inputs only from valid ones", () => {
    const d: ResourceDescription = {
      ...base,
      prepare: (news) => ({ ...news, name: news.name ?? "defaulted" }),
      derive: (inputs, olds) => ({ ...inputs, zone: olds.zone ?? "z-new" }),
    };
    expect(checkResource(d, { zone: "z-old" }, {}).inputs).toEqual({ name: "defaulted", zone: "z-old" });
    expect(checkResource(d, {}, { ports: 1 }).inputs.zone).toBeUndefined();
  });

  it("decides delete-before-replace from the old and new inputs, and only for a replacement", () => {
    const d: ResourceDescription = { ...base, deleteBeforeReplace: (olds, news) => olds.name === news.token };
    expect(diffResource(d, { name: "a", token: "t" }, { name: "t", token: "t" }).deleteBeforeReplace).toBe(false);
    expect(diffResource(d, { name: "a", token: "t" }, { name: "a", token: "a" })).toMatchObject({ replaces: ["token"], deleteBeforeReplace: true });
    expect(diffResource(d, { name: "a", ports: [] }, { name: "a", ports: [{ port: 1 }] }).deleteBeforeReplace).toBe(false);
  });

  it("answers changes unknown for a known secret change when the engine is to name the keys", () => {
    const d: ResourceDescription = { ...base, engineNamesSecretChanges: true };
    expect(diffResource(d, { name: "a", token: "t" }, { name: "a", token: "u" }).changes).toBeUndefined();
    expect(diffResource(d, { name: "a", token: "t" }, { name: "a", token: UNKNOWN }).changes).toBe(true);
    expect(diffResource(base, { name: "a", token: "t" }, { name: "a", token: "u" }).changes).toBe(true);
  });

  it("adds the replacement reason the recorded state forces", () => {
    const d: ResourceDescription = { ...base, replaceWhen: (olds) => (olds.failed ? "state" : undefined) };
    expect(diffResource(d, { name: "a", failed: true }, { name: "a" })).toMatchObject({ changes: true, replaces: ["state"] });
  });
});

describe("the kinds' descriptions", () => {
  it("describe every input of ClusterAttachment, ASMGateway, GatewaySecret and GatewayRoute in one sentence", async () => {
    const tables = [
      (await import("../../provider/resources/clusterAttachment/description")).clusterAttachmentFields,
      (await import("../../provider/resources/asmGateway/description")).asmGatewayFields,
      (await import("../../provider/resources/gatewaySecret/description")).gatewaySecretFields,
      (await import("../../provider/resources/gatewayRoute/description")).gatewayRouteFields,
    ];
    const undescribed = tables.flatMap((t) => Object.entries(t as FieldSpecs).filter(([, field]) => !/^[A-Z][^]*\.$/.test(field.description ?? "")).map(([name]) => name));
    expect(undescribed).toEqual([]);
  });
});
