// The one id format of the kinds inside a mesh: parts joined with ":", every part present.
import { compositeId } from "../../provider/framework/compositeId";
import { parseAttachmentId } from "../../provider/resources/clusterAttachment/steps";

const ROUTE = compositeId("GatewayRoute", ["meshId", "gatewayName", "routeName"]);

describe("composite ids", () => {
  it("parses what it formats back into the named parts", () => {
    const parts = { meshId: "c1", gatewayName: "ingressgateway", routeName: "r1" };
    expect(ROUTE.format(parts)).toBe("c1:ingressgateway:r1");
    expect(ROUTE.parse(ROUTE.format(parts))).toEqual(parts);
  });

  it.each(["c1:r1", "c1:gw:r1:extra", "c1::r1", ":gw:r1", "c1:gw:", ""])("refuses %j naming the kind and the expected form", (id) => {
    expect(() => ROUTE.parse(id)).toThrow(`GatewayRoute id ${JSON.stringify(id)} is not valid; expected <meshId>:<gatewayName>:<routeName>`);
  });

  it("parses a ClusterAttachment id into mesh and cluster, and refuses one with a third part", () => {
    expect(parseAttachmentId("c1:k1")).toEqual({ meshId: "c1", clusterId: "k1" });
    expect(() => parseAttachmentId("c1:k1:x")).toThrow('ClusterAttachment id "c1:k1:x" is not valid; expected <meshId>:<clusterId>');
  });
});
