// API calls as the emulator saw them (its request logs), per CLI action: the logs are cleared before
// the action and summarised after it. OpenAPI (RPC) calls and the meshes' Kubernetes API calls (gateway
// reads and deletes) are counted apart: they go to different servers, and only the OpenAPI is
// rate-limited by the emulator.
import type { EmulatorControl, RequestLogEntry } from "../../emulator";

export interface CallSummary {
  total: number;
  perAction: Record<string, number>;
  /** Responses with HTTP status ≥ 400, by error code (throttling included). */
  errors: Record<string, number>;
  throttled: number;
  /** From the command's start to its first API call (engine and program start-up), ms. */
  firstCallAfterMs?: number;
  /** From the first API call to the last one, ms. */
  apiSpanMs?: number;
  /** Every call, ms after the command's start (only when asked for: large for big stacks). */
  timeline?: { atMs: number; action: string; status: number; code?: string }[];
  /** Requests to the meshes' Kubernetes API (not in `total`). */
  kube?: { total: number; perAction: Record<string, number> };
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
export async function measureCalls<T>(
  control: EmulatorControl, action: () => Promise<T>, opts: { timeline?: boolean } = {},
): Promise<{ result: T; ms: number; calls: CallSummary }> {
  control.clearRequests();
  const startedAt = Date.now();
  const start = performance.now();
  const result = await action();
  const ms = performance.now() - start;
  const entries = control.requests();
  const calls = summarizeCalls(entries);
  const kube = summarizeCalls(control.kubeRequests());
  calls.kube = { total: kube.total, perAction: kube.perAction };
  if (entries.length > 0) {
    // Log times come from the emulator's clock, which is the real clock in CLI benchmarks.
    const first = Date.parse(entries[0].time);
    calls.firstCallAfterMs = first - startedAt;
    calls.apiSpanMs = Date.parse(entries[entries.length - 1].time) - first;
  }
  if (opts.timeline) calls.timeline = entries.map((e) => ({ atMs: Date.parse(e.time) - startedAt, action: e.action, status: e.status, code: e.code }));
  return { result, ms, calls };
}

/** "DescribeServiceMeshDetail×4, CreateServiceMesh×1", biggest first. */
export function formatPerAction(perAction: Record<string, number>): string {
  return Object.entries(perAction)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([a, n]) => `${a}×${n}`)
    .join(", ");
}
