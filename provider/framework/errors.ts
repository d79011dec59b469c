// The partial-state error. Throw it when the API accepted a create or update but waiting for the
// object failed (timeout, failure state): Pulumi's dynamic host sees `id` and reports
// ErrorResourceInitFailed, so the engine records the resource with these properties instead of
// orphaning a real cloud object (research/engine.md §2 "Errors"). The next `up` then updates or
// replaces it, and `destroy` deletes it.
import { joinMessage, joinMessages } from "../messages";

export class ResourceInitError extends Error {
  override readonly name = "ResourceInitError";
  constructor(
    readonly id: string,
    public properties: Record<string, unknown>,
    readonly reasons: string[],
  ) {
    super(joinMessages(reasons, "; "));
  }
}

export function isResourceInitError(err: unknown): err is ResourceInitError {
  return err instanceof ResourceInitError;
}

/** Wraps a failure after the API call succeeded, so the id is never lost. */
export function partialState(id: string, properties: Record<string, unknown>, cause: unknown): ResourceInitError {
  const text = cause instanceof Error ? cause.message : String(cause);
  return new ResourceInitError(id, properties, [joinMessage(id, ": ", text)]);
}
