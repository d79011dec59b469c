// What a user reads in the real CLI's output (issue 13, defect 7): an API error once per place the engine
// reports it, with code, message, request id and what to do, and no JavaScript stack; a certificate
// rotation previewed with the inputs that changed.
import { tlsFixture } from "../fixtures/tls/tlsFixtures";
import { startRelStack, type RelStack } from "./helpers/relStack";

let env: RelStack;

beforeAll(async () => {
  env = await startRelStack("user-output");
  await env.stack.up();
});

afterAll(async () => {
  env?.emulator.control.clearFaults();
  await env?.stack.destroy().catch(() => undefined);
  await env?.dispose();
});

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe("what the CLI prints", () => {
  it("previews a certificate rotation naming cert and key as the inputs that changed", async () => {
    await env.stack.setConfig({ "rel:tlsCert": tlsFixture("leaf-b.crt"), "rel:tlsKey": tlsFixture("leaf-b.key") }, { secret: true });
    const p = await env.stack.preview();
    // Only the updated keys are asserted: internal keys other parts add (an ownership mark) may show as removed.
    expect(p.stdout).toMatch(/GatewaySecret tls replace \[diff: [^\]~]*~cert,key\]/);
    expect(p.stdout).toContain("+-1 to replace");
  });

  it("reports a failed delete's API error with code, message, request id and advice, without a stack trace", async () => {
    env.emulator.control.addFault({
      match: { action: "DeleteGatewayRoute" }, effect: { type: "error", code: "Forbidden.RAM", httpStatus: 403, message: "You are not authorized." },
    });
    await env.stack.setConfig({ "rel:withGateway": "false" });
    const r = await env.stack.run(["up", "--yes", "--skip-preview", "--non-interactive"], { allowFailure: true });
    env.emulator.control.clearFaults();
    const out = `${r.stdout}\n${r.stderr}`;
    expect(r.code).not.toBe(0);
    expect(out).toMatch(/DeleteGatewayRoute failed: Forbidden\.RAM \(HTTP 403\): You are not authorized\. \[RequestId [0-9A-F-]+\]\. Check the credentials/);
    expect(out).not.toMatch(/\n\s*(\S+\s+)*at \S+ \(.*:\d+:\d+\)/);
    expect(out).not.toContain("AsmApiError");
    // The engine's own three: the resource's row, its "deleting failed" row, the Diagnostics summary.
    expect(occurrences(out, "DeleteGatewayRoute failed")).toBe(3);
  });
});
