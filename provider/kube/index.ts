// provider/kube: the mesh's Kubernetes API (IstioGateway custom resources) through
// @kubernetes/client-node, with the kubeconfig from DescribeServiceMeshKubeconfig.
export { loadKubeconfig, type LoadedKubeconfig } from "./kubeconfig";
export { KubeApiError, isKubeNotFound, isTransientKubeError, toKubeApiError } from "./kubeApiError";
export {
  istioGatewayApi,
  ISTIO_GATEWAY_GROUP,
  ISTIO_GATEWAY_VERSION,
  ISTIO_GATEWAY_PLURAL,
  ISTIO_GATEWAY_KIND,
  type IstioGatewayApi,
  type IstioGatewayApiOptions,
  type IstioGatewayObject,
} from "./istioGatewayApi";

/** Loads @kubernetes/client-node now, so the first gateway step does not pay for it. */
export function preloadKubeClient(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("@kubernetes/client-node");
}
