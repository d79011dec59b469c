// The explorer's own calls to the in-process emulator (out-of-band changes, token reads). Node's keep-alive
// agent can hand a request a socket the emulator is just closing as idle (its keepAliveTimeout is 5 s): the
// request then fails with ECONNRESET before the emulator reads it (seed 731904 step 442, "read ECONNRESET
// POST http://127.0.0.1:…/ failed"). That is the harness's failure, not the provider's (whose error
// classifier retries network errors), so such a call is sent again, but only when the emulator's request
// log shows it never arrived: a write is never made twice.
import type { EmulatorHandle } from "../../emulator";
import { AsmTestClient } from "../emulator/client";

const isReset = (e: unknown): boolean => /ECONNRESET/.test(`${(e as { code?: unknown })?.code ?? ""} ${(e as Error)?.message ?? ""}`);

/** Sends once more when the first send was reset and `arrivedSince` says the emulator saw nothing of it. */
export async function resendIfNeverArrived<T>(send: () => Promise<T>, arrivedSince: () => () => boolean): Promise<T> {
  const arrived = arrivedSince();
  try {
    return await send();
  } catch (e) {
    if (!isReset(e) || arrived()) throw e;
    return send();
  }
}

export class HarnessClient extends AsmTestClient {
  constructor(private readonly emulator: EmulatorHandle) {
    super(emulator);
  }

  override call(action: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const log = () => this.emulator.control.requests();
    const since = () => { const before = log().length; return () => log().length > before; };
    return resendIfNeverArrived(() => super.call(action, params), since);
  }
}
