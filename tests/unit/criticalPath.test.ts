import { detectionLags, quickstartCriticalPath, realizedCriticalPath } from "../../bench/lib/criticalPath";
import type { CompletedTransition } from "../../emulator";

/** One quickstart up as the emulator reports it: mesh visible, created, two attachments, then four objects visible. */
const UP: CompletedTransition[] = [
  { key: "Visibility", since: 0, afterMs: 250, seenAt: 1_700 },
  { key: "ServiceMesh:create", since: 0, afterMs: 3_000, seenAt: 3_850 },
  { key: "ServiceMesh:update", since: 3_900, afterMs: 1_500, seenAt: 5_650 },
  { key: "ServiceMesh:update", since: 5_660, afterMs: 1_600, seenAt: 7_300 },
  { key: "Visibility", since: 7_340, afterMs: 250, seenAt: 7_800 },
  { key: "Visibility", since: 7_350, afterMs: 260, seenAt: 7_820 },
];

describe("the quickstart's critical path", () => {
  it("adds the profile's create, one update per cluster, and one visibility", () => {
    expect(quickstartCriticalPath("fast", 2).totalMs).toBe(3_000 + 2 * 1_500 + 250);
  });

  it("takes the durations the emulator really used, ignoring the mesh's own visibility", () => {
    expect(realizedCriticalPath(UP, 2).totalMs).toBe(3_000 + 1_500 + 1_600 + 260);
  });

  it("measures how late each change on the path was seen, the objects by the last one seen", () => {
    const lags = detectionLags(UP, 2);
    expect(lags.steps.map((s) => s.lagMs)).toEqual([850, 250, 40, 7_820 - 7_610]);
    expect(lags.totalMs).toBe(850 + 250 + 40 + 210);
  });

  it("refuses an up whose transitions do not cover the path", () => {
    expect(() => detectionLags(UP.slice(0, 3), 2)).toThrow("1 of 2 attachment transitions");
    expect(() => realizedCriticalPath(UP.slice(0, 4), 2)).toThrow("no visibility transition after the attachments");
  });
});
