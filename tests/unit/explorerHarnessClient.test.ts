// The explorer's calls to the emulator survive the keep-alive race (tests/explorer/harnessClient.ts) without
// ever sending a write twice.
import { resendIfNeverArrived } from "../explorer/harnessClient";

const reset = Object.assign(new Error("read ECONNRESETPOST http://127.0.0.1:36325/ failed."), { code: "ECONNRESET" });

function sender(results: Array<Error | string>) {
  let sent = 0;
  const send = async () => { const r = results[Math.min(sent++, results.length - 1)]; if (r instanceof Error) throw r; return r; };
  return { send, sent: () => sent };
}

describe("explorer harness calls to the emulator", () => {
  it("sends a call again when its socket was reset before the emulator saw it (seed 731904 step 442)", async () => {
    const s = sender([reset, "ok"]);
    await expect(resendIfNeverArrived(s.send, () => () => false)).resolves.toBe("ok");
    expect(s.sent()).toBe(2);
  });

  it("does not send a call again that the emulator received, so a write is never made twice", async () => {
    const s = sender([reset, "ok"]);
    await expect(resendIfNeverArrived(s.send, () => () => true)).rejects.toThrow(/ECONNRESET/);
    expect(s.sent()).toBe(1);
  });

  it("does not send again on an error that is not a reset", async () => {
    const s = sender([Object.assign(new Error("Conflict.ClusterInUse"), { code: "Conflict.ClusterInUse" }), "ok"]);
    await expect(resendIfNeverArrived(s.send, () => () => false)).rejects.toThrow(/ClusterInUse/);
    expect(s.sent()).toBe(1);
  });

  it("sends only once more: a second reset is the caller's", async () => {
    const s = sender([reset, reset, "ok"]);
    await expect(resendIfNeverArrived(s.send, () => () => false)).rejects.toThrow(/ECONNRESET/);
    expect(s.sent()).toBe(2);
  });
});
