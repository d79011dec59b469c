// API call helpers the gateway-family resources share: writes that a busy mesh rejects, and the
// mesh's Kubernetes API for IstioGateway reads and deletes.
import { AsmApiError, isAlreadyExists } from "../api";
import { withConflictRetry, writeOnce, type ProviderContext } from "../framework";
import { istioGatewayApi, IstioGatewayApi, KubeApiError } from "../kube";
import { joinMessage } from "../messages";

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
 * A gateway-family write through the one busy-mesh path (framework/conflict.ts), with a mesh that does
 * not exist blamed on the meshId input.
 */
export function writeOnMesh<T>(ctx: ProviderContext, meshId: string, subject: string, timeoutMs: number, write: () => Promise<T>): Promise<T> {
  return withConflictRetry(ctx, write, { what: subject, subject, timeoutMs, meshId }).catch((err: unknown) => {
    throw blameMeshId(err);
  });
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
