// The explorer's recovery after an interrupted up (tests/explorer/recovery.ts): every repair the failed
// output names, in whatever order the kill left them, and never an endless loop.
import { MAX_REPAIRS_EACH, recoverWith, type Repair, type UpResult } from "../explorer/recovery";

const failed = (stderr: string): UpResult => ({ code: 255, stdout: "", stderr });
const ok: UpResult = { code: 0, stdout: "Resources: 3 unchanged", stderr: "" };
const EOF_LINE = "error: failed to load checkpoint: EOF";
const LOCK_LINE = "error: the stack is currently locked by 1 lock(s).";

function world(results: UpResult[]) {
  const ups: number[] = [];
  const applied: string[] = [];
  const up = async () => { ups.push(ups.length); return results[Math.min(ups.length - 1, results.length - 1)]; };
  const repairs: Repair[] = [
    { matches: /currently locked/, apply: async () => { applied.push("cancel"); return "pulumi cancel"; } },
    { matches: /failed to load checkpoint: EOF/, apply: async () => { applied.push("rm attrs"); return "removed 1 file"; } },
  ];
  return { up, repairs, ups, applied };
}

describe("explorer recovery after an interrupted up", () => {
  it("cancels the lock found after removing the empty checkpoint attributes (seed 915213 step 191)", async () => {
    const w = world([failed(EOF_LINE), failed(LOCK_LINE), ok]);
    const made: string[] = [];
    const result = await recoverWith(w.up, w.repairs, made);
    expect(result.code).toBe(0);
    expect(w.applied).toEqual(["rm attrs", "cancel"]);
    expect(made).toEqual(["removed 1 file", "pulumi cancel"]);
    expect(w.ups).toHaveLength(3);
  });

  it("removes the empty attributes found after cancelling the lock", async () => {
    const w = world([failed(LOCK_LINE), failed(EOF_LINE), ok]);
    const result = await recoverWith(w.up, w.repairs, []);
    expect(result.code).toBe(0);
    expect(w.applied).toEqual(["cancel", "rm attrs"]);
  });

  it("makes no repair and runs up once when the first up succeeds", async () => {
    const w = world([ok]);
    expect((await recoverWith(w.up, w.repairs, [])).code).toBe(0);
    expect(w.applied).toEqual([]);
    expect(w.ups).toHaveLength(1);
  });

  it("returns a failure no repair names as it is, without another up", async () => {
    const w = world([failed("error: Conflict.ClusterInUse")]);
    const result = await recoverWith(w.up, w.repairs, []);
    expect(result.stderr).toContain("Conflict.ClusterInUse");
    expect(w.ups).toHaveLength(1);
  });

  it("gives up on a repair that does not help after it was made the bounded number of times", async () => {
    const w = world([failed(LOCK_LINE)]);
    const result = await recoverWith(w.up, w.repairs, []);
    expect(result.code).not.toBe(0);
    expect(w.applied).toEqual(Array(MAX_REPAIRS_EACH).fill("cancel"));
    expect(w.ups).toHaveLength(MAX_REPAIRS_EACH + 1);
  });

  it("stops when a repair finds nothing to do", async () => {
    const w = world([failed(EOF_LINE)]);
    const repairs: Repair[] = [{ matches: /EOF/, apply: async () => undefined }];
    const made: string[] = [];
    const result = await recoverWith(w.up, repairs, made);
    expect(result.code).not.toBe(0);
    expect(made).toEqual([]);
    expect(w.ups).toHaveLength(1);
  });
});
