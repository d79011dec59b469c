// What refresh returns as a resource's inputs: its declared fields that are set, nothing stored beside them.
import { declaredInputs, f } from "../../provider/schema";

const fields = { name: f.string({ required: true }), replicas: f.int(), adopt: f.bool({ default: false }) };

describe("declaredInputs", () => {
  it("keeps the declared fields that are set and drops outputs, unset fields and inherited names", () => {
    const props = { name: "gw", replicas: undefined, adopt: false, kubeconfig: "secret output", constructor: "x" };
    expect(declaredInputs(fields, props)).toEqual({ name: "gw", adopt: false });
  });
});
