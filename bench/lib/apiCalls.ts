// API calls as the emulator saw them (its request log), per CLI action: the log is cleared before
// the action and summarised after it. Only RPC calls are logged; the mesh Kubernetes API (gateway
// reads and deletes) is neither logged nor rate-limited by the emulator.
import type { EmulatorControl, RequestLogEntry } from "../../emulator";

export interface CallSummary {
  total: number;
  perAction: Record<string, number>;
  /** Responses with HTTP status ≥ 400, by error code (throttling included). */
  errors: Record<string, number>;
  throttled: number;
}

export function summarizeCalls(entries: readonly RequestLogEntry[]): CallSummary {
  const perAction: Record<string, number> = {};
  const errors: Record<string, number> = {};
  for (const e of entries) {
    perAction[e.action] = (perAction[e.action] ?? 0) + 1;
    if (e.status >= 400) errors[e.code ?? String(e.status)] = (errors[e.code ?? String(e.status)] ?? 0) + 1;
  }
  const throttled = Object.entries(errors).filter(([code]) => code.startsWith("Throttling")).reduce((n, [, c]) => n + c, 0);
  return { total: entries.length, perAction, errors, throttled };
}

/** Runs `action` with a fresh request log and returns its result, wall time and calls. */
export async function measureCalls<T>(control: EmulatorControl, action: () => Promise<T>): Promise<{ result: T; ms: number; calls: CallSummary }> {
  control.clearRequests();
  const start = performance.now();
  const result = await action();
  const ms = performance.now() - start;
  return { result, ms, calls: summarizeCalls(control.requests()) };
}

/** "DescribeServiceMeshDetail×4, CreateServiceMesh×1", biggest first. */
export function formatPerAction(perAction: Record<string, number>): string {
  return Object.entries(perAction)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([a, n]) => `${a}×${n}`)
    .join(", ");
}
