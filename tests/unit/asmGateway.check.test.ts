import { asmGatewayDescription } from "../../provider/resources/asmGateway/description";
import { asmGatewayProvider } from "../../provider/resources/asmGateway/lifecycle";
import { checkResource, diffResource, UNKNOWN, type Props } from "../../provider/schema";

// The kind's description through the one engine every kind uses (the kind has no check or diff of its own).
const checkGateway = (news: Props) => checkResource(asmGatewayDescription, {}, news);
const diffGateway = (olds: Props, news: Props) => diffResource(asmGatewayDescription, olds, news).diff;

const base = { meshId: "c0123456789abcdef0123456789abcdef", name: "ingressgateway", clusterIds: ["c-ack-1"] };

describe("ASMGateway check", () => {
  it("applies defaults for namespace, gatewayType and serviceType", () => {
    const r = checkGateway(base);
    expect(r.failures).toEqual([]);
    expect(r.inputs).toMatchObject({ namespace: "istio-system", gatewayType: "ingress", serviceType: "LoadBalancer", adopt: false });
  });

  it("validates each port, naming the element and field", () => {
    const r = checkGateway({ ...base, ports: [{ name: "http", port: 80 }, { name: "https", port: 70000 }] });
    expect(r.failures).toEqual([{ property: "ports[1].port", reason: "70000 is too large; the maximum is 65535" }]);
  });

  it("rejects duplicate port names", () => {
    const r = checkGateway({ ...base, ports: [{ name: "http", port: 80 }, { name: "http", port: 81 }] });
    expect(r.failures).toEqual([{ property: "ports", reason: 'port name "http" is used twice; port names must be unique' }]);
  });

  it("rejects duplicate port numbers", () => {
    const r = checkGateway({ ...base, ports: [{ name: "a", port: 80 }, { name: "b", port: 80 }] });
    expect(r.failures).toEqual([{ property: "ports", reason: "port number 80 is used twice; port numbers must be unique" }]);
  });

  it("rejects minReplicas above maxReplicas", () => {
    expect(checkGateway({ ...base, minReplicas: 3, maxReplicas: 2 }).failures).toEqual([
      { property: "minReplicas", reason: "3 is larger than maxReplicas (2)" },
    ]);
  });

  it("rejects extraSpec keys that have a typed argument", () => {
    expect(checkGateway({ ...base, extraSpec: { replicaCount: 3, env: {} } }).failures).toEqual([
      { property: "extraSpec", reason: "replicaCount must be set through the typed argument(s) of the same name, not here" },
    ]);
  });

  it("rejects non-JSON values in extraSpec", () => {
    expect(checkGateway({ ...base, extraSpec: { a: { b: [1, Number.NaN] } } }).failures).toEqual([
      { property: "extraSpec.a.b[1]", reason: "is not a JSON value (use strings, numbers, booleans, null, lists and objects)" },
    ]);
  });

  it("rejects a bad resource quantity and an unknown input", () => {
    const r = checkGateway({ ...base, resources: { limits: { cpu: "two" } }, replica: 2 });
    expect(r.failures.map((f) => f.property)).toEqual(["resources.limits.cpu", "replica"]);
  });

  it("keeps Pulumi's own keys through the provider check", async () => {
    const r = await asmGatewayProvider.check!({}, { ...base, __provider: "p" });
    expect(r.failures).toBeUndefined();
    expect(r.inputs?.__provider).toBe("p");
  });
});

describe("ASMGateway diff", () => {
  const olds = checkGateway({ ...base, ports: [{ name: "http", port: 80 }] }).inputs;

  it("replaces on mesh, namespace or name", () => {
    for (const key of ["meshId", "namespace", "name"]) {
      expect(diffGateway(olds, { ...olds, [key]: "other" }).replaces).toEqual([key]);
    }
  });

  it("updates spec changes in place, including ports and extraSpec", () => {
    const d = diffGateway(olds, { ...olds, replicaCount: 3, ports: [{ name: "http", port: 8080 }], extraSpec: { a: 1 } });
    expect(d).toEqual({ changed: ["replicaCount", "ports", "extraSpec"], replaces: [] });
  });

  it("treats an unknown spec value as a change during preview", () => {
    expect(diffGateway(olds, { ...olds, replicaCount: UNKNOWN }).changed).toEqual(["replicaCount"]);
    expect(diffGateway(olds, { ...olds, replicaCount: UNKNOWN }).replaces).toEqual([]);
  });

  it("replaces when clusterIds is wholly unknown (an attachment it comes from is re-created), updates when one id is", () => {
    expect(diffGateway(olds, { ...olds, clusterIds: UNKNOWN })).toEqual({ changed: ["clusterIds"], replaces: ["clusterIds"] });
    expect(diffGateway(olds, { ...olds, clusterIds: ["c1", UNKNOWN] }).replaces).toEqual([]);
  });

  it("reports no change for identical inputs", async () => {
    expect(await asmGatewayProvider.diff!("id", olds, { ...olds })).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });
});
