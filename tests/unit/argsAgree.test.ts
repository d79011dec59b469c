// The resource classes' argument types must say what the kinds' descriptions say: the same inputs, and
// the same ones required. A disagreement fails to compile, so this file fails before any test runs.
import type { ASMGatewayArgs } from "../../provider/resources/asmGateway";
import type { asmGatewayFields } from "../../provider/resources/asmGateway/description";
import type { ClusterAttachmentArgs } from "../../provider/resources/clusterAttachment";
import type { clusterAttachmentFields } from "../../provider/resources/clusterAttachment/description";
import type { GatewayRouteArgs } from "../../provider/resources/gatewayRoute";
import type { gatewayRouteFields } from "../../provider/resources/gatewayRoute/description";
import type { GatewaySecretArgs } from "../../provider/resources/gatewaySecret";
import type { gatewaySecretFields } from "../../provider/resources/gatewaySecret/description";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type RequiredArgs<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type RequiredFields<S> = { [K in keyof S]: S[K] extends { required: true } ? K : never }[keyof S];
type Agrees<Args, Fields> = [Equal<keyof Args, keyof Fields>, Equal<RequiredArgs<Args>, RequiredFields<Fields>>];

const agreement: {
  asmGateway: Agrees<ASMGatewayArgs, typeof asmGatewayFields>;
  clusterAttachment: Agrees<ClusterAttachmentArgs, typeof clusterAttachmentFields>;
  gatewayRoute: Agrees<GatewayRouteArgs, typeof gatewayRouteFields>;
  gatewaySecret: Agrees<GatewaySecretArgs, typeof gatewaySecretFields>;
} = {
  asmGateway: [true, true],
  clusterAttachment: [true, true],
  gatewayRoute: [true, true],
  gatewaySecret: [true, true],
};

describe("resource argument types", () => {
  it("agree with the descriptions' fields and required fields (checked when this file compiles)", () => {
    expect(Object.values(agreement).flat().every((v) => v === true)).toBe(true);
  });
});
