// AsmClient: the one call path to ASM. `call(action, params)` is typed by the operation catalog,
// sends through a Transport, and retries what is safe to retry:
//   - throttling on any operation (the API rejected it before doing anything),
//   - 5xx and network failures on reads and on writes the catalog marks idempotent.
// A non-idempotent write (CreateServiceMesh, AddClusterIntoServiceMesh) that fails ambiguously is
// thrown to the caller, which reconciles against live state instead of blindly repeating it.
import { ActionName, catalog, RequestOf, ResponseOf } from "./catalog";
import type { Operation, WireParams } from "./catalog/operation";
import { AsmApiError, classifyError, toAsmApiError, withAdvice } from "./errors";
import { DEFAULT_RETRY, RetryHooks, RetryPolicy, withRetry } from "./retry";
import { Transport } from "./transport";

export interface AsmClientOptions extends RetryHooks {
  retry?: RetryPolicy;
}

/** Whether a failed call of `operation` may be repeated without risk of doing the change twice. */
export function mayRetryCall(operation: Operation<object, unknown>, err: unknown): boolean {
  const kind = classifyError(err);
  if (kind === "throttled") return true;
  if (kind === "transient") return operation.readOnly || operation.idempotent;
  return false;
}

export class AsmClient {
  private readonly retry: RetryPolicy;

  constructor(
    private readonly transport: Transport,
    private readonly options: AsmClientOptions = {},
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  async call<A extends ActionName>(action: A, params: RequestOf<A>): Promise<ResponseOf<A>> {
    const operation = catalog[action] as Operation<object, unknown>;
    const send = async () => {
      try {
        return await this.transport.send(action, operation, params as WireParams);
      } catch (err) {
        throw toAsmApiError(action, err);
      }
    };
    try {
      const body = await withRetry(send, (err) => mayRetryCall(operation, err), this.retry, this.options, { read: operation.readOnly });
      return body as ResponseOf<A>;
    } catch (err) {
      // Say what to do, once, where the client gives up: a credentials or RAM policy problem, throttling or
      // an outage the retries did not outlast.
      throw err instanceof AsmApiError ? withAdvice(err) : err;
    }
  }
}

export { AsmApiError };
