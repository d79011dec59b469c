// The texts a user reads: joined message parts, network errors, advice on what to do, and the adapter
// between our implementations and Pulumi's dynamic-provider host (issue 13, defect 7).
import { AsmApiError, AsmClient, toAsmApiError, type Transport } from "../../provider/api";
import { engineFailure, forDynamicHost, hostIsVerbose } from "../../provider/framework/dynamicHost";
import { meshLabel, partialState } from "../../provider/framework";
import { joinMessage } from "../../provider/messages";
import { blameMeshId } from "../../provider/resources/gatewayCalls";
import { WaiterFailureError } from "../../provider/waiter";

const failingTransport = (err: unknown): Transport => ({ send: async () => Promise.reject(err) });
const noRetry = { retry: { maxAttempts: 1, backoff: { minMs: 1, maxMs: 1 } } };

describe("joinMessage", () => {
  it.each([
    ["does not exist.", "; ", "give an id", "does not exist; give an id"],
    ["failed [RequestId R1]", ". ", "Check it.", "failed [RequestId R1]. Check it."],
    ["failed.", ". ", "Check it.", "failed. Check it."],
    ["is it?", ". ", "Check it.", "is it? Check it."],
    ["c1", ": ", "quota exceeded.", "c1: quota exceeded."],
    ["alone", "; ", "  ", "alone"],
  ] as const)("joins %j and %j without clashing punctuation", (a, sep, b, expected) => {
    expect(joinMessage(a, sep, b)).toBe(expected);
  });
});

describe("messages built from API and network errors", () => {
  it("sets a network error's request apart instead of running the two texts together", () => {
    // What the HTTP library under openapi-client throws for a refused connection.
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:18205POST http://127.0.0.1:18205/ failed."), { code: "ECONNREFUSED" });
    const e = toAsmApiError("CreateServiceMesh", refused);
    expect(e.message).toBe("CreateServiceMesh failed: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:18205 (POST http://127.0.0.1:18205/)");
  });

  it("names meshId without a stray period when the API's own message is quoted", () => {
    const e = blameMeshId(new AsmApiError("CreateGatewaySecret", "ServiceMesh.NotFound", "The service mesh does not exist.", 404, "R1", undefined)) as Error;
    expect(e.message).toBe("meshId: The service mesh does not exist; give the id of an existing mesh (CreateGatewaySecret answered ServiceMesh.NotFound)");
  });

  it("quotes a failure reason ending in a period without '. (' in a failed wait", () => {
    const report = { what: "ServiceMesh c1 to reach running", elapsedMs: 0, lastSeen: "failed", observed: { failed: 1 } };
    expect(new WaiterFailureError(report, "mesh state is failed: no quota.").message).toBe(
      "ServiceMesh c1 to reach running failed after 0s: mesh state is failed: no quota (last seen: failed; observed: failed×1)",
    );
  });

  it("joins a partial-state reason to the id once", () => {
    expect(partialState("c1", {}, new Error("timed out.")).message).toBe("c1: timed out.");
  });

  it("ends a refused request with the API's own diagnosis page, and keeps code, message and request id", async () => {
    const refused = Object.assign(new Error("InvalidParameter"), {
      statusCode: 400, data: { Code: "InvalidParameter.VSwitch", Message: "The vSwitch does not exist.", RequestId: "R-7", Recommend: "https://diag.example/R-7" },
    });
    const client = new AsmClient(failingTransport(refused), noRetry);
    await expect(client.call("DescribeServiceMeshes", {})).rejects.toThrow(
      "DescribeServiceMeshes failed: InvalidParameter.VSwitch (HTTP 400): The vSwitch does not exist. [RequestId R-7]. See https://diag.example/R-7",
    );
  });

  it("tells what to do when the endpoint does not answer", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1GET http://127.0.0.1:1/ failed."), { code: "ECONNREFUSED" });
    const client = new AsmClient(failingTransport(refused), noRetry);
    await expect(client.call("DescribeServiceMeshes", {})).rejects.toThrow(
      "connect ECONNREFUSED 127.0.0.1:1 (GET http://127.0.0.1:1/). The endpoint did not answer; check asm:endpoint and the network, then run the command again.",
    );
  });

  it("tells what to do when throttling outlasts the retries", async () => {
    const throttled = Object.assign(new Error("Throttling.User"), { statusCode: 400, data: { Code: "Throttling.User", Message: "Request was denied due to user flow control.", RequestId: "R-8" } });
    const client = new AsmClient(failingTransport(throttled), noRetry);
    await expect(client.call("DescribeServiceMeshes", {})).rejects.toThrow(
      "[RequestId R-8]. The API is still throttling; run the command again later, or lower Pulumi's parallelism (--parallel).",
    );
  });
});

describe("the dynamic-host adapter", () => {
  it("moves a failure's property path into its reason, so the engine prints no Go rendering of the value", () => {
    expect(engineFailure({ property: "destinations[1].weight", reason: "90 is too large" })).toEqual({ property: "", reason: "destinations[1].weight: 90 is too large" });
    expect(engineFailure({ property: "foo", reason: "is not a known input; known inputs are a, b" })).toEqual({ property: "", reason: "foo is not a known input; known inputs are a, b" });
    expect(engineFailure({ property: "", reason: "inputs must be an object" })).toEqual({ property: "", reason: "inputs must be an object" });
  });

  it("hands the host check failures in that form and keeps the inputs", async () => {
    const impl = { check: async () => ({ inputs: { a: 1 }, failures: [{ property: "ports[0].port", reason: "70000 is too large; the maximum is 65535" }] }) };
    expect(await forDynamicHost(impl, []).check()).toEqual({ inputs: { a: 1 }, failures: [{ property: "", reason: "ports[0].port: 70000 is too large; the maximum is 65535" }] });
  });

  it("keeps the host from printing a failed delete's message twice with its stack, and prints anything else", async () => {
    const printed: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void printed.push(args);
    try {
      const err = new AsmApiError("DeleteGatewayRoute", "Forbidden.RAM", "You are not authorized.", 403, "R-9", undefined);
      const impl = forDynamicHost({ delete: async () => Promise.reject(err) }, []);
      await expect(impl.delete()).rejects.toBe(err);
      // Exactly what node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js prints in its catch.
      console.error(`${err}: ${err.stack}`);
      console.error("something else");
    } finally {
      console.error = original;
    }
    expect(printed).toEqual([["something else"]]);
  });

  it("leaves the host's report with the stack alone when the engine flowed its verbosity to the plugin", () => {
    expect(hostIsVerbose(["node", "index.js", "-v=9", "127.0.0.1:4000"])).toBe(true);
    expect(hostIsVerbose(["node", "index.js", "127.0.0.1:4000"])).toBe(false);
  });
});

describe("progress labels", () => {
  it("shows a new mesh's brief invisibility as expected waiting, not as an error code", () => {
    const notFound = new AsmApiError("DescribeServiceMeshDetail", "ServiceMesh.NotFound", "gone", 404, "R", undefined);
    expect(meshLabel({ err: notFound })).toBe("waiting for the new mesh to appear");
  });
});
