// The `timeouts` input every resource takes: Pulumi's customTimeouts never reaches a dynamic
// provider (research/engine.md §2), so each resource carries its own deadlines.
//   timeouts: { create: "20m", update: "15m", delete: "30m" }   // "90s", "15m", "1h", "1h30m"
import { f, FieldSpecs } from "../schema";

/** The operations a `timeouts` input sets deadlines for (not the API operations of api/catalog). */
export type TimeoutOperation = "create" | "update" | "delete";

export interface Timeouts {
  create?: string;
  update?: string;
  delete?: string;
}

export type TimeoutDefaults = Record<TimeoutOperation, number>;

/** A timeout as hours, minutes and seconds, at least one of them: "90s", "15m", "1h30m". */
const TIMEOUT_DURATION = /^(?=\d)(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const durationField = f.string({ pattern: TIMEOUT_DURATION, patternHint: 'a duration such as "90s", "15m" or "1h30m"' });

/** The field spec to add to a resource's spec as `timeouts`. */
export const timeoutsField = f.object({
  create: { ...durationField, description: 'The time allowed for creating the resource, such as "90s", "15m" or "1h30m"; unset means the resource\'s default.' },
  update: { ...durationField, description: 'The time allowed for updating the resource, such as "90s", "15m" or "1h30m"; unset means the resource\'s default.' },
  delete: { ...durationField, description: 'The time allowed for deleting the resource, such as "90s", "15m" or "1h30m"; unset means the resource\'s default.' },
} satisfies FieldSpecs);

export function parseDuration(text: string): number {
  const m = TIMEOUT_DURATION.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a duration; use e.g. "90s", "15m" or "1h30m"`);
  const [, h, min, s] = m;
  return ((Number(h ?? 0) * 60 + Number(min ?? 0)) * 60 + Number(s ?? 0)) * 1000;
}

/** Milliseconds allowed for `op`: the input when given, else the resource's default. */
export function timeoutFor(op: TimeoutOperation, timeouts: Timeouts | undefined, defaults: TimeoutDefaults): number {
  const given = timeouts?.[op];
  return given ? parseDuration(given) : defaults[op];
}

export const minutes = (n: number): number => n * 60_000;
