// API call helpers the gateway-family resources share: writes that a busy mesh rejects, and the
// mesh's Kubernetes API for IstioGateway reads and deletes.
import { AsmApiError, isConflict } from "../api";
import { OBJECT_POLICY, writeOnce, type ProviderContext } from "../framework";
import { istioGatewayApi, IstioGatewayApi, KubeApiError } from "../kube";
import { joinMessage } from "../messages";
import { WaiterFailureError, whenError, whenValue } from "../waiter";

/** "Already exists" is a 409 like "mesh busy", but waiting cannot fix it. */
export function isAlreadyExists(err: unknown): boolean {
  return err instanceof AsmApiError && /AlreadyExist|Duplicate/i.test(err.code);
}

const isMeshBusy = (err: unknown): boolean => isConflict(err) && !isAlreadyExists(err);

/**
 * A meshId that is well formed but names no mesh can only be found out by the API. Say which input
 * is wrong; the error stays an AsmApiError so callers that treat "not found" as "gone" still do.
 */
export function blameMeshId(err: unknown, meshId?: string): unknown {
  if (err instanceof AsmApiError && err.code === "ServiceMesh.NotFound" && !err.message.startsWith("meshId:")) {
    const what = meshId ? `ServiceMesh ${meshId} does not exist` : err.apiMessage;
    err.message = joinMessage(`meshId: ${what}`, "; ", `give the id of an existing mesh (${err.action} answered ${err.code})`);
  }
  return err;
}

/**
 * Runs a write, repeating it while the mesh rejects changes because it is busy (e.g. still
 * updating after a cluster was attached). The API refused the earlier attempts before doing
 * anything, so repeating them cannot duplicate the change. Any other error is passed on as is.
 */
export async function writeWhenMeshSettles<T>(ctx: ProviderContext, subject: string, timeoutMs: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!isMeshBusy(err)) throw blameMeshId(err);
  }
  try {
    return await ctx.wait(write, [whenValue<T>(() => true, "success"), whenError<T>(isMeshBusy, "retry")], {
      what: `${subject} to be accepted by the mesh`,
      subject,
      timeoutMs,
      policy: OBJECT_POLICY,
      label: (r) => ("err" in r ? `mesh busy (${r.err instanceof AsmApiError ? r.err.code : "error"})` : "accepted"),
    });
  } catch (err) {
    if (err instanceof WaiterFailureError && err.cause !== undefined) throw blameMeshId(err.cause);
    throw err;
  }
}

/**
 * Sends a create that is keyed by name (gateway, secret, route) through the shared writeOnce loop: after
 * an ambiguous failure `probe` asks live state whether the object exists (the create took effect and
 * undefined is returned), and a repeat answered "already exists" means an earlier attempt landed.
 * Names are unique, so a repeat can never make a duplicate.
 */
export function createReconciled<T>(ctx: ProviderContext, what: string, write: () => Promise<T>, probe: () => Promise<boolean>, attempts = 5): Promise<T | undefined> {
  const exists = () => probe().catch(() => false);
  return writeOnce<T | undefined>(ctx, {
    what,
    write,
    attempts,
    landed: async (err) => (isAlreadyExists(err) || (await exists()) ? { result: undefined } : undefined),
  });
}

/** The mesh's Kubernetes API, reached with the kubeconfig DescribeServiceMeshKubeconfig returns. */
export async function meshKubeApi(ctx: ProviderContext, meshId: string): Promise<IstioGatewayApi> {
  const { Kubeconfig } = await ctx.client.call("DescribeServiceMeshKubeconfig", { ServiceMeshId: meshId }).catch((err: unknown) => {
    throw blameMeshId(err, meshId);
  });
  if (!Kubeconfig) throw new Error(`DescribeServiceMeshKubeconfig returned no kubeconfig for mesh ${meshId}`);
  // The API client's retries, clock and jitter: a throttled or failing API server is ridden out the same way.
  return istioGatewayApi(Kubeconfig, { retry: ctx.retry, retryHooks: { clock: ctx.clock, random: ctx.random } });
}

export function kubeLabel(err: unknown): string {
  if (err instanceof KubeApiError) return err.statusCode === undefined ? "unreachable" : `HTTP ${err.statusCode}`;
  return err instanceof AsmApiError ? err.code : "error";
}
