// One loop for writes the API cannot make idempotent: creates and cluster additions. After an
// ambiguous failure (a 5xx or a dropped connection, after which the change may have been applied with
// only the response lost) the write is not simply repeated: live state decides. If the change landed,
// what it produced is returned; if not, the write is sent again, a bounded number of times. A repeat
// that fails for any reason also looks first, because the earlier attempt may be what it collided with.
// Throttling rejects a call before anything happens, so it is retried without looking.
import { AsmApiError, classifyError } from "../api";
import type { ProviderContext } from "./context";

export interface WriteOnceOptions<T> {
  /** The API action, for messages: "CreateServiceMesh". */
  what: string;
  write(): Promise<T>;
  /** Whether the change is in live state despite `err`; `{ result }` when it is. Errors propagate. */
  landed(err: unknown): Promise<{ result: T } | undefined>;
  /** Attempts in all. */
  attempts: number;
}

const codeOf = (err: unknown): string => (err instanceof AsmApiError ? err.code : err instanceof Error ? err.message : String(err));

export async function writeOnce<T>(ctx: ProviderContext, o: WriteOnceOptions<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await o.write();
    } catch (err) {
      const kind = classifyError(err);
      if (kind === "transient" || attempt > 1) {
        const found = await o.landed(err);
        if (found) {
          const made = typeof found.result === "string" ? `: ${found.result}` : "";
          ctx.logger.info(`${o.what}: the response was lost (${codeOf(err)}); live state shows the change was applied${made}`);
          return found.result;
        }
      }
      if ((kind !== "transient" && kind !== "throttled") || attempt >= o.attempts) throw err;
      ctx.logger.warn(`${o.what}: the call failed (${codeOf(err)}) and live state shows no change; sending it again`);
      await ctx.clock.sleep(1_000 * ctx.settings.waitScale * attempt);
    }
  }
}
