import { IDLE_WORK_MIN_SLEEP_MS, runIdleWork, whileWaiting } from "../../provider/framework/idleWork";

describe("idle work: tasks run while a wait sleeps", () => {
  it("runs each task once, in the first sleep long enough to hide it", () => {
    const ran: string[] = [];
    whileWaiting(() => ran.push("a"));
    whileWaiting(() => ran.push("b"));
    runIdleWork(IDLE_WORK_MIN_SLEEP_MS - 1);
    expect(ran).toEqual([]);
    runIdleWork(IDLE_WORK_MIN_SLEEP_MS);
    runIdleWork(10_000);
    expect(ran).toEqual(["a", "b"]);
  });

  it("drops a failing task without failing the wait or the tasks after it", () => {
    const ran: string[] = [];
    whileWaiting(() => {
      throw new Error("module not found");
    });
    whileWaiting(() => ran.push("after"));
    expect(() => runIdleWork(10_000)).not.toThrow();
    expect(ran).toEqual(["after"]);
  });
});
