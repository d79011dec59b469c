// The dynamic-provider host encodes every result with google-protobuf's Struct.fromJavaScript; an
// undefined value anywhere makes the whole operation fail with "Unexpected struct type." under the real
// engine. These tests hold defineProvider to wire-safe results whatever a resource's CRUD returns.
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { defineProvider, type Crud } from "../../provider/framework";
import { f } from "../../provider/schema";

const withHoles = { a: 1, gone: undefined, nested: { keep: "x", drop: undefined }, list: ["y", undefined] };

const crud: Crud = {
  create: async () => ({ id: "id-1", outs: { ...withHoles } }),
  read: async (id) => ({ id, props: { ...withHoles }, inputs: { a: 1, gone: undefined } }),
  update: async () => ({ ...withHoles }),
  delete: async () => undefined,
};

const provider = defineProvider({ kind: "Test", fields: { a: f.int() }, outputs: [] }, crud);
const encodable = (v: object) => expect(() => Struct.fromJavaScript(v as Parameters<typeof Struct.fromJavaScript>[0])).not.toThrow();

describe("defineProvider results reach the engine intact", () => {
  it("drops undefined values at any depth from create outputs", async () => {
    const r = await provider.create({ a: 1 });
    expect(r.outs).toEqual({ a: 1, nested: { keep: "x" }, list: ["y"] });
    encodable(r.outs!);
  });

  it("drops undefined values from read props and inputs", async () => {
    const r = await provider.read!("id-1", { a: 1 });
    encodable(r.props!);
    encodable(r.inputs!);
    expect(r.inputs).toEqual({ a: 1 });
  });

  it("drops undefined values from update outputs", async () => {
    const r = await provider.update!("id-1", { a: 1 }, { a: 2 });
    encodable(r.outs!);
  });
});

describe("defineProvider replaceWhen", () => {
  const tainted = defineProvider({ kind: "Test", fields: { a: f.int() }, outputs: [], replaceWhen: (olds) => (olds.broken === true ? "state" : undefined) }, crud);

  it("replaces a resource its recorded state marks as unrepairable, even with unchanged inputs", async () => {
    expect(await tainted.diff!("id-1", { a: 1, broken: true }, { a: 1 })).toEqual({ changes: true, replaces: ["state"], deleteBeforeReplace: false });
  });

  it("leaves a healthy resource with unchanged inputs alone", async () => {
    expect(await tainted.diff!("id-1", { a: 1 }, { a: 1 })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });
});
