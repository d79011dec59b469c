// The schema engine's wire mapping (provider/schema/wire.ts) on its own: where a field's value is sent
// and read back, what a reported value reads as, and which live values refresh takes.
import { f, fromWire, toWire, withLiveValues, type FieldSpecs } from "../../provider/schema";

const specs = {
  name: f.string({ wire: "Name", readBack: "Info.Name" }),
  note: f.string({ allowEmpty: true, wire: "Note" }),
  region: f.string({ readBack: "Info.RegionId" }),
  secretOnly: f.string({ wire: "Secret", readBack: false }),
  tracing: f.object({ enabled: f.bool({ wire: "Tracing", readBack: "Config.Tracing" }), sampling: f.number({ wire: "TraceSampling", readBack: "Config.Pilot.Sampling" }) }),
  replicas: f.int({ wire: "Replicas" }),
} satisfies FieldSpecs;

describe("schema wire mapping", () => {
  it("sends every declared value under its wire name, a group without a path flat, a field without wire not at all", () => {
    expect(toWire(specs, { name: "m", region: "cn-hangzhou", secretOnly: "s", tracing: { enabled: true, sampling: 5 }, replicas: 2 }))
      .toEqual({ Name: "m", Secret: "s", Tracing: true, TraceSampling: 5, Replicas: 2 });
  });

  it("reads each field from its read-back path, or its wire path, and never one marked readBack: false", () => {
    const answer = { Info: { Name: "m", RegionId: "cn-hangzhou" }, Secret: "s", Config: { Tracing: true, Pilot: { Sampling: 5 } }, Replicas: 2 };
    expect(fromWire(specs, answer)).toEqual({ name: "m", region: "cn-hangzhou", tracing: { enabled: true, sampling: 5 }, replicas: 2 });
  });

  it("reads string booleans and numbers as the field's type, and an empty string as unset unless the field allows it", () => {
    const answer = { Info: { Name: "" }, Note: "", Config: { Tracing: "False", Pilot: { Sampling: "25" } }, Replicas: "x" };
    expect(fromWire(specs, answer)).toEqual({ note: "", tracing: { enabled: false, sampling: 25 }, replicas: "x" });
    expect(fromWire(specs, { Config: { Tracing: "", Pilot: { Sampling: "" } }, Replicas: "" })).toEqual({});
    expect(fromWire(specs, { Config: { Tracing: "true" } })).toEqual({ tracing: { enabled: true } });
  });

  it("refresh takes the live value of what the program declares and nothing else", () => {
    const live = { name: "renamed", region: "cn-beijing", tracing: { enabled: false, sampling: 5 } };
    expect(withLiveValues(specs, { name: "m", tracing: { enabled: true } }, live)).toEqual({ name: "renamed", tracing: { enabled: false } });
    expect(withLiveValues(specs, { replicas: 3 }, live)).toEqual({ replicas: 3 });
  });

  it("reads JSON text from the first of several read-back paths the API reports, as text, and keeps the program's spelling while equal", () => {
    const conf = { conf: f.string({ wire: "Conf", readBack: ["Lb.Failover", "Lb.Distribute"], jsonText: true }) } satisfies FieldSpecs;
    expect(fromWire(conf, { Lb: { Distribute: { distribute: [{ from: "a" }] } } })).toEqual({ conf: '{"distribute":[{"from":"a"}]}' });
    expect(fromWire(conf, { Lb: { Failover: { failover: [] }, Distribute: { distribute: [] } } })).toEqual({ conf: '{"failover":[]}' });
    expect(fromWire(conf, { Lb: {} })).toEqual({});
    const spelt = '{ "failover": [ {"to": "b", "from": "a"} ] }';
    expect(withLiveValues(conf, { conf: spelt }, { conf: '{"failover":[{"from":"a","to":"b"}]}' })).toEqual({ conf: spelt });
    expect(withLiveValues(conf, { conf: spelt }, { conf: '{"failover":[{"from":"a","to":"c"}]}' })).toEqual({ conf: '{"failover":[{"from":"a","to":"c"}]}' });
  });
});
