// The runtime registry is the list of kinds: ResourceKind is its keys, so a resource class for a kind
// without a registration does not compile. The compile-time half is checked by tsc (npm test
// type-checks tests/), the run-time half by jest.
import type * as pulumi from "@pulumi/pulumi";
import { coreImplementationFor, type Registry } from "../../provider/runtime";
import { providerShim, type ResourceKind } from "../../provider/shim";

const loader = () => ({}) as pulumi.dynamic.ResourceProvider;

// @ts-expect-error a registry without GatewayRoute must not compile
const missingOne: Registry = { ServiceMesh: loader, ClusterAttachment: loader, ASMGateway: loader, GatewaySecret: loader };

const complete: Registry = { ServiceMesh: loader, ClusterAttachment: loader, ASMGateway: loader, GatewaySecret: loader, GatewayRoute: loader };

// Never called: only its compiling (and the error it must give) matters.
export function unregisteredKind(): unknown {
  // @ts-expect-error a resource class cannot ask for a kind the registry does not have
  return providerShim("GatewayPolicy");
}

describe("the runtime registry", () => {
  it("has a type that takes every kind and refuses a record missing one", () => {
    expect(Object.keys(complete)).toHaveLength(5);
    expect(Object.keys(missingOne)).toHaveLength(4);
  });

  it.each(Object.keys(complete) as ResourceKind[])("loads an implementation with check, diff and create for %s", (kind) => {
    const impl = coreImplementationFor(kind);
    expect(typeof impl.create).toBe("function");
    expect(typeof impl.check).toBe("function");
    expect(typeof impl.diff).toBe("function");
  });

  it("names a kind an old state's shim asks for that this version does not know", () => {
    expect(() => coreImplementationFor("Nonexistent" as ResourceKind)).toThrow("asm-pulumi: no implementation registered for resource kind Nonexistent");
  });
});
