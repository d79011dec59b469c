import {
  AsmApiError, AsmClient, classifyError, flatten, isNotFound, isRetryable, mayRetryCall, meshOperations, splitParams,
  toAsmApiError, type Transport,
} from "../../provider/api";
import { FakeClock } from "../../provider/waiter";

const apiError = (code: string, status: number) => new AsmApiError("X", code, "msg", status, "req-1", undefined);

describe("classifyError", () => {
  it.each([
    ["ServiceMesh.NotFound", 404, "notFound"],
    ["ERR404", 404, "notFound"],
    ["Cluster.NotInServiceMesh", 404, "notFound"],
    ["Throttling.User", 400, "throttled"],
    ["Rejected.Throttling", 400, "throttled"],
    ["ServiceUnavailable", 503, "throttled"],
    ["InternalError", 500, "transient"],
    ["Conflict.MeshNotRunning", 409, "conflict"],
    ["Conflict.AlreadyExists", 409, "alreadyExists"],
    ["Conflict.ClusterInUse", 409, "invalid"],
    ["InvalidAccessKeyId.NotFound", 404, "permission"],
    ["SignatureDoesNotMatch", 400, "permission"],
    ["Forbidden.RAM", 403, "permission"],
    ["Forbidden.ClusterVpcMismatch", 403, "invalid"],
    ["InvalidAction.NotFound", 404, "invalid"],
    ["InvalidParameter", 400, "invalid"],
  ])("%s (HTTP %i) is %s", (code, status, expected) => {
    expect(classifyError(apiError(code, status))).toBe(expected);
  });

  it("treats socket failures without an HTTP status as transient", () => {
    const reset = toAsmApiError("CreateServiceMesh", Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
    expect(classifyError(reset)).toBe("transient");
    expect(isRetryable(reset)).toBe(true);
  });

  it("builds an AsmApiError from a tea ResponseError with code, status, request id and message", () => {
    const teaError = Object.assign(new Error("ServiceMesh.NotFound: code: 404, gone request id: r-9"), {
      code: "ServiceMesh.NotFound", statusCode: 404, data: { Code: "ServiceMesh.NotFound", Message: "gone", RequestId: "r-9", statusCode: 404 },
    });
    const e = toAsmApiError("DescribeServiceMeshDetail", teaError);
    expect([e.code, e.httpStatus, e.requestId, e.apiMessage]).toEqual(["ServiceMesh.NotFound", 404, "r-9", "gone"]);
    expect(e.message).toBe("DescribeServiceMeshDetail failed: ServiceMesh.NotFound (HTTP 404): gone [RequestId r-9]");
    expect(isNotFound(e)).toBe(true);
  });
});

describe("mayRetryCall", () => {
  it("retries throttling everywhere but 5xx only for reads and idempotent writes", () => {
    const serverError = apiError("InternalError", 500);
    expect(mayRetryCall(meshOperations.CreateServiceMesh, apiError("Throttling.User", 400))).toBe(true);
    expect(mayRetryCall(meshOperations.CreateServiceMesh, serverError)).toBe(false);
    expect(mayRetryCall(meshOperations.DescribeServiceMeshDetail, serverError)).toBe(true);
    expect(mayRetryCall(meshOperations.UpdateMeshFeature, serverError)).toBe(true);
    expect(mayRetryCall(meshOperations.DescribeServiceMeshDetail, apiError("InvalidParameter", 400))).toBe(false);
  });
});

describe("request shaping", () => {
  it("puts the catalog's query parameters in the query and the rest in the body", () => {
    const { query, body } = splitParams(meshOperations.CreateServiceMesh, { RegionId: "cn-hangzhou", Tag: [{ Key: "a", Value: "b" }], Tracing: true, Name: undefined });
    expect(query).toEqual({ Tag: [{ Key: "a", Value: "b" }] });
    expect(body).toEqual({ RegionId: "cn-hangzhou", Tracing: true });
  });

  it("flattens lists and objects into the API's numbered form", () => {
    expect(flatten({ Tag: [{ Key: "k", Value: "v" }], ResourceId: ["c1"], PreCheck: false })).toEqual({
      "Tag.1.Key": "k", "Tag.1.Value": "v", "ResourceId.1": "c1", PreCheck: "false",
    });
  });
});

describe("AsmClient.call", () => {
  function scripted(...outcomes: Array<Error | object>): Transport & { calls: number } {
    const t = {
      calls: 0,
      async send() {
        const o = outcomes[Math.min(t.calls++, outcomes.length - 1)];
        if (o instanceof Error) throw o;
        return o;
      },
    };
    return t;
  }
  const retry = { maxAttempts: 4, backoff: { minMs: 100, maxMs: 1_000 } };

  it("retries a throttled read with growing jittered delays and returns the body", async () => {
    const clock = new FakeClock();
    const transport = scripted(apiError("Throttling.User", 400), apiError("Throttling.User", 400), { ServiceMesh: { ServiceMeshInfo: { ServiceMeshId: "c1" } } });
    const client = new AsmClient(transport, { retry, clock, random: () => 0.99 });
    const res = await client.call("DescribeServiceMeshDetail", { ServiceMeshId: "c1" });
    expect(res.ServiceMesh.ServiceMeshInfo.ServiceMeshId).toBe("c1");
    expect(transport.calls).toBe(3);
    expect(clock.sleeps).toEqual([100, 198]);
  });

  it("gives up after maxAttempts and throws the last API error", async () => {
    const transport = scripted(apiError("InternalError", 500));
    const client = new AsmClient(transport, { retry, clock: new FakeClock(), random: () => 0 });
    await expect(client.call("DescribeServiceMeshDetail", { ServiceMeshId: "c1" })).rejects.toThrow(/InternalError/);
    expect(transport.calls).toBe(4);
  });

  it("never repeats a non-idempotent write after an ambiguous failure", async () => {
    const transport = scripted(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
    const client = new AsmClient(transport, { retry, clock: new FakeClock() });
    const err = await client.call("CreateServiceMesh", { RegionId: "r", VpcId: "v", VSwitches: "[]" }).catch((e: unknown) => e);
    expect(classifyError(err)).toBe("transient");
    expect(transport.calls).toBe(1);
  });
});
