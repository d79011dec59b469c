// The plugin's log lines to the engine (provider/plugin/engineLog.ts): attached to the request's URN, status
// lines ephemeral, in order, and never carrying a secret of the request or of the provider's configuration.
import { LogSeverity, type LogRequest } from "@pulumi/pulumi/proto/engine_pb";
import { progressReporter } from "../../provider/framework";
import { engineAddressOf, engineLogger, inRequestScope, redact, rememberConfiguredSecrets, secretTexts } from "../../provider/plugin/engineLog";

const URN = "urn:pulumi:dev::proj::asm:index:ServiceMesh::mesh";

function recording(): { sent: LogRequest.AsObject[]; send: (req: LogRequest) => Promise<void> } {
  const sent: LogRequest.AsObject[] = [];
  return { sent, send: async (req) => void sent.push(req.toObject()) };
}

const settle = () => new Promise((r) => setImmediate(r));

afterEach(() => rememberConfiguredSecrets([]));

describe("the engine logger", () => {
  it("attaches a line to the URN of the request it is logged in, and a line outside any request to none", async () => {
    const { sent, send } = recording();
    const logger = engineLogger(send);
    await inRequestScope({ urn: URN, secrets: [] }, async () => logger.warn("ServiceMesh c1: a warning"));
    logger.info("a note about no resource");
    await settle();
    expect(sent.map((s) => [s.urn, s.severity, s.ephemeral, s.message])).toEqual([
      [URN, LogSeverity.WARNING, false, "ServiceMesh c1: a warning"],
      ["", LogSeverity.INFO, false, "a note about no resource"],
    ]);
  });

  it("sends the waiter's progress as ephemeral status lines", async () => {
    const { sent, send } = recording();
    const report = progressReporter("ServiceMesh c1", engineLogger(send), { intervalMs: 0, now: () => 0 });
    await inRequestScope({ urn: URN, secrets: [] }, async () => report({ attempt: 0, elapsedMs: 12_000, label: "initial", state: "retry" }));
    await settle();
    expect(sent).toEqual([{ severity: LogSeverity.INFO, message: "ServiceMesh c1: initial (12s elapsed)", urn: URN, streamid: 0, ephemeral: true }]);
  });

  it("keeps the lines of concurrent requests apart, each under its own URN", async () => {
    const { sent, send } = recording();
    const logger = engineLogger(send);
    const tick = () => new Promise((r) => setTimeout(r, 1));
    await Promise.all(["a", "b"].map((name) => inRequestScope({ urn: `${URN}-${name}`, secrets: [] }, async () => {
      for (let i = 0; i < 3; i++) {
        await tick();
        logger.status?.(`${name} ${i}`);
      }
    })));
    await settle();
    expect(sent.filter((s) => s.message.startsWith("a ")).every((s) => s.urn === `${URN}-a`)).toBe(true);
    expect(sent.filter((s) => s.message.startsWith("b ")).every((s) => s.urn === `${URN}-b`)).toBe(true);
    expect(sent.filter((s) => s.message.startsWith("a ")).map((s) => s.message)).toEqual(["a 0", "a 1", "a 2"]);
  });

  it("blanks every secret of the request and of the configuration out of a line", async () => {
    const { sent, send } = recording();
    rememberConfiguredSecrets(["configured-secret-key"]);
    const secrets = secretTexts({ cert: "-----BEGIN-----abc", nested: [{ key: "private-key-pem" }], short: "ab" });
    expect(secrets).toEqual(["-----BEGIN-----abc", "private-key-pem"]);
    await inRequestScope({ urn: URN, secrets }, async () => engineLogger(send).info("failed with private-key-pem and configured-secret-key in -----BEGIN-----abc"));
    await settle();
    expect(sent[0].message).toBe("failed with [secret] and [secret] in [secret]");
  });

  it("writes a line the engine did not take to stderr, still redacted, and goes on with the next", async () => {
    const stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      let calls = 0;
      const sent: string[] = [];
      const logger = engineLogger(async (req) => {
        calls += 1;
        if (calls === 1) throw new Error("engine gone");
        sent.push(req.getMessage());
      });
      await inRequestScope({ urn: URN, secrets: ["s3cr3t-value"] }, async () => {
        logger.info("first s3cr3t-value");
        logger.info("second");
      });
      await settle();
      await settle();
      expect(stderr).toHaveBeenCalledWith("first [secret]\n");
      expect(sent).toEqual(["second"]);
    } finally {
      stderr.mockRestore();
    }
  });

  it("replaces a longer secret whole before a shorter one it contains", () => {
    expect(redact("key=abcd-efgh", ["abcd", "abcd-efgh"])).toBe("key=[secret]");
  });
});

describe("the engine's address among the plugin's arguments", () => {
  it("is the first argument that is neither a flag nor the tracing endpoint", () => {
    expect(engineAddressOf(["127.0.0.1:4567"])).toBe("127.0.0.1:4567");
    expect(engineAddressOf(["--logtostderr", "-v=9", "--tracing", "127.0.0.1:9999", "127.0.0.1:4567"])).toBe("127.0.0.1:4567");
    expect(engineAddressOf([])).toBeUndefined();
  });
});
