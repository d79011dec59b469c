// The resource classes derive their name outputs from the id, which stays known while a resource
// is updated in place, so dependents do not preview as replaced.
import * as pulumi from "@pulumi/pulumi";

const ids: Record<string, string> = {
  "pulumi-nodejs:dynamic/asm:ASMGateway": "c1:istio-system:ingressgateway",
  "pulumi-nodejs:dynamic/asm:GatewayRoute": "c1:ingressgateway:reviews",
};

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    { newResource: (args) => ({ id: ids[args.type], state: {} }), call: () => ({}) },
    "project",
    "stack",
    false,
  );
});

const valueOf = <T>(output: pulumi.Output<T>): Promise<T> => new Promise((resolve) => output.apply((v) => resolve(v)));

describe("id-derived outputs", () => {
  it("gives ASMGateway's name, namespace, mesh and fullName from its id", async () => {
    const { ASMGateway } = await import("../../provider/resources/asmGateway");
    const gw = new ASMGateway("gw", { meshId: "c1", name: "ingressgateway", clusterIds: ["c-1"] });
    expect(await Promise.all([valueOf(gw.meshId), valueOf(gw.namespace), valueOf(gw.name), valueOf(gw.fullName)])).toEqual([
      "c1", "istio-system", "ingressgateway", "istio-system:ingressgateway",
    ]);
  });

  it("gives GatewayRoute's routeName from its id", async () => {
    const { GatewayRoute } = await import("../../provider/resources/gatewayRoute");
    const route = new GatewayRoute("r", { meshId: "c1", gatewayName: "ingressgateway", routeName: "reviews", destinations: [{ host: "h" }] });
    expect(await valueOf(route.routeName)).toBe("reviews");
  });
});
