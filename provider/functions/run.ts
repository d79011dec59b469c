// Runs a function (schema/function.ts) against the API: checks the arguments, calls the action with what
// they send, and maps the response. Bad arguments are failures naming the argument, before any call.
import { catalog, type ActionName } from "../api";
import type { ProviderContext } from "../framework/context";
import { checkFunctionArgs, functionRequest, functionResult, type CheckFailure, type FunctionDescription, type Props } from "../schema";

export type FunctionOutcome = { result: Props; failures?: undefined } | { result?: undefined; failures: CheckFailure[] };

/**
 * The catalog action a function calls. A description names it as a string (schema/ never imports the
 * catalog), so it is looked up here; a function only reads, so a write action is refused as well.
 */
export function readActionOf(d: FunctionDescription): ActionName {
  const op = (catalog as Record<string, { readOnly: boolean } | undefined>)[d.action];
  if (op === undefined) throw new Error(`asm: function ${d.name} calls ${d.action}, which is not in the operation catalog`);
  if (!op.readOnly) throw new Error(`asm: function ${d.name} calls ${d.action}, which changes things; a function only reads`);
  return d.action as ActionName;
}

export async function runFunction(d: FunctionDescription, rawArgs: unknown, ctx: ProviderContext): Promise<FunctionOutcome> {
  const action = readActionOf(d);
  const { args, failures } = checkFunctionArgs(d, rawArgs);
  if (failures.length > 0) return { failures };
  // Each action's request type is its own; the request here is built from the description's wire paths.
  const call = ctx.client.call.bind(ctx.client) as (a: ActionName, req: Props) => Promise<unknown>;
  const response = await call(action, functionRequest(d, args));
  const mapped = functionResult(d, response as Props, args);
  return mapped.failures.length > 0 ? { failures: mapped.failures } : { result: mapped.result };
}
