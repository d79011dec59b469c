// The IstioGateway custom resources of a mesh's control plane (istio.alibabacloud.com/v1beta1,
// plural istiogateways), through the mesh's Kubernetes API. ASM's OpenAPI has no gateway read or
// delete, so this is the only way to see a gateway's live spec and to remove it.
import type { CustomObjectsApi } from "@kubernetes/client-node";
import { DEFAULT_RETRY, RetryHooks, RetryPolicy, withRetry } from "../api/retry";
import { readTimeoutMs } from "../waiter";
import { isKubeNotFound, isTransientKubeError, toKubeApiError } from "./kubeApiError";
import { loadKubeconfig } from "./kubeconfig";

export const ISTIO_GATEWAY_GROUP = "istio.alibabacloud.com";
export const ISTIO_GATEWAY_VERSION = "v1beta1";
export const ISTIO_GATEWAY_PLURAL = "istiogateways";
export const ISTIO_GATEWAY_KIND = "IstioGateway";

export interface IstioGatewayObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string; resourceVersion?: string; deletionTimestamp?: string; [key: string]: unknown };
  spec: Record<string, unknown>;
}

export interface IstioGatewayApi {
  /** The custom resource, or undefined when it does not exist. */
  get(namespace: string, name: string): Promise<IstioGatewayObject | undefined>;
  list(namespace: string): Promise<IstioGatewayObject[]>;
  /** Requests deletion; false when the resource was already gone. */
  delete(namespace: string, name: string): Promise<boolean>;
}

export interface IstioGatewayApiOptions {
  /** Per-request timeout; client-node sets none, and a hung API server must not hang a deployment. */
  requestTimeoutMs?: number;
  /**
   * Repeats a request that met throttling, a 5xx or no answer, as the OpenAPI client does (default
   * DEFAULT_RETRY). Every request here may be repeated: reads, and a delete, whose repeat finds the
   * object deleting or gone.
   */
  retry?: RetryPolicy;
  retryHooks?: RetryHooks;
}

export function istioGatewayApi(kubeconfig: string, options: IstioGatewayApiOptions = {}): IstioGatewayApi {
  const { config, server } = loadKubeconfig(kubeconfig);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const k8s = require("@kubernetes/client-node") as typeof import("@kubernetes/client-node");
  const api = config.makeApiClient(k8s.CustomObjectsApi);
  const timeout = options.requestTimeoutMs ?? 30_000;
  api.addInterceptor((request) => {
    // A read inside a wait gets at most the time the wait has left (waiter/deadline.ts).
    request.timeout = request.method === "GET" ? readTimeoutMs(timeout) : timeout;
  });
  return new IstioGatewayClient(api, server, options.retry ?? DEFAULT_RETRY, options.retryHooks ?? {});
}

const ARGS = [ISTIO_GATEWAY_GROUP, ISTIO_GATEWAY_VERSION] as const;

class IstioGatewayClient implements IstioGatewayApi {
  constructor(
    private readonly api: CustomObjectsApi,
    private readonly server: string,
    private readonly retry: RetryPolicy,
    private readonly retryHooks: RetryHooks,
  ) {}

  async get(namespace: string, name: string): Promise<IstioGatewayObject | undefined> {
    const res = await this.call(`get ${ISTIO_GATEWAY_PLURAL} ${namespace}/${name}`, { read: true, notFoundIsUndefined: true }, () =>
      this.api.getNamespacedCustomObject(...ARGS, namespace, ISTIO_GATEWAY_PLURAL, name),
    );
    return res?.body as IstioGatewayObject | undefined;
  }

  async list(namespace: string): Promise<IstioGatewayObject[]> {
    const res = await this.call(`list ${ISTIO_GATEWAY_PLURAL} in ${namespace}`, { read: true, notFoundIsUndefined: false }, () =>
      this.api.listNamespacedCustomObject(...ARGS, namespace, ISTIO_GATEWAY_PLURAL),
    );
    return (res?.body as { items?: IstioGatewayObject[] } | undefined)?.items ?? [];
  }

  async delete(namespace: string, name: string): Promise<boolean> {
    const res = await this.call(`delete ${ISTIO_GATEWAY_PLURAL} ${namespace}/${name}`, { read: false, notFoundIsUndefined: true }, () =>
      this.api.deleteNamespacedCustomObject(...ARGS, namespace, ISTIO_GATEWAY_PLURAL, name),
    );
    return res !== undefined;
  }

  /**
   * Runs one request, repeated while it fails transiently (a read, inside a wait, not past its deadline);
   * with `notFoundIsUndefined`, a 404 resolves to undefined.
   */
  private async call<T>(what: string, opts: { read: boolean; notFoundIsUndefined: boolean }, run: () => Promise<T>): Promise<T | undefined> {
    const once = () => run().catch((err: unknown) => {
      throw toKubeApiError(err, what, this.server);
    });
    try {
      return await withRetry(once, isTransientKubeError, this.retry, this.retryHooks, { read: opts.read });
    } catch (err) {
      if (opts.notFoundIsUndefined && isKubeNotFound(err)) return undefined;
      throw err;
    }
  }
}
