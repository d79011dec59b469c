// The shape of one catalog entry. An operation declares its HTTP method, which parameters travel
// in the query string (the rest go in the form body, research/asm-api.md §6.8), and whether a retry
// after an ambiguous failure is safe (`idempotent`) or the caller must reconcile instead.
// Request and response types ride along as phantom types so AsmClient.call is fully typed.

export type WireValue = string | number | boolean | undefined | readonly WireValue[] | { [k: string]: WireValue };
export type WireParams = { [k: string]: WireValue };

export interface Operation<Req, Res> {
  method: "POST" | "GET";
  /** Parameter names sent in the query string; "all" sends every parameter there. */
  query: readonly string[] | "all";
  /** Reads never change anything: retried on throttling, 5xx and network failures. */
  readOnly: boolean;
  /** A repeated write has the same effect as one, so a lost response may be retried blindly. */
  idempotent: boolean;
  /** Phantom: never set at runtime. */
  readonly __types?: { req: Req; res: Res };
}

export function op<Req extends object, Res>(spec: Omit<Operation<Req, Res>, "__types">): Operation<Req, Res> {
  return spec;
}

/** Every response carries its RequestId. */
export interface BaseResponse {
  RequestId?: string;
}

export interface TagWire {
  Key: string;
  Value: string;
}
