// The request log the control API exposes: recent entries (bounded) and per-action counts.
import type { RequestLogEntry } from "../types";

const MAX_ENTRIES = 10_000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private perAction = new Map<string, number>();

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > 2 * MAX_ENTRIES) this.entries = this.entries.slice(-MAX_ENTRIES);
    this.perAction.set(entry.action, (this.perAction.get(entry.action) ?? 0) + 1);
  }

  list(): RequestLogEntry[] {
    return this.entries.slice(-MAX_ENTRIES);
  }

  counts(): Record<string, number> {
    return Object.fromEntries(this.perAction);
  }

  clear(): void {
    this.entries = [];
    this.perAction.clear();
  }
}
