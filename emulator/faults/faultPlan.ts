// What the fault effects that fired for one request mean, in the order every API of the emulator applies
// them: wait out the latencies, then answer with the first injected error, else drop the connection before
// anything is applied, else handle the request and possibly lose the response or fail the mesh. Each
// protocol (OpenAPI RPC, the Kubernetes subset) turns `answer` into its own error shape.
import type { FaultEffect } from "../types";

export type AnswerEffect = Extract<FaultEffect, { type: "throttle" | "serverError" | "error" }>;

export interface FaultPlan {
  latencyMs: number;
  /** An error to answer with instead of handling the request. */
  answer?: AnswerEffect;
  /** Close the connection without handling the request. */
  drop: boolean;
  /** Handle the request, then close the connection without answering. */
  loseResponse: boolean;
  /** Handle the request, then put the mesh in `failed` with this message (the OpenAPI only). */
  failResource?: { message?: string };
}

const isAnswer = (e: FaultEffect): e is AnswerEffect => e.type === "throttle" || e.type === "serverError" || e.type === "error";

export function planFaults(effects: readonly FaultEffect[]): FaultPlan {
  const fail = effects.find((e): e is Extract<FaultEffect, { type: "failResource" }> => e.type === "failResource");
  return {
    latencyMs: effects.reduce((ms, e) => ms + (e.type === "latency" ? e.ms : 0), 0),
    answer: effects.find(isAnswer),
    drop: effects.some((e) => e.type === "drop"),
    loseResponse: effects.some((e) => e.type === "lostResponse"),
    failResource: fail && { message: fail.message },
  };
}

export const sleep = (ms: number): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, ms));
