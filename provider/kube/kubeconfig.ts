// Loads the kubeconfig that DescribeServiceMeshKubeconfig returns. The text holds credentials, so
// errors describe the shape problem only and never quote the input.
import type { KubeConfig } from "@kubernetes/client-node";

export interface LoadedKubeconfig {
  config: KubeConfig;
  /** The API server URL of the current context (safe to show: it is not a credential). */
  server: string;
}

export function loadKubeconfig(text: string): LoadedKubeconfig {
  // Loaded here, not at module scope: client-node pulls in a large dependency tree that only the
  // gateway's read and delete need.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { KubeConfig } = require("@kubernetes/client-node") as typeof import("@kubernetes/client-node");
  const config = new KubeConfig();
  try {
    config.loadFromString(text);
  } catch {
    throw new Error("the mesh kubeconfig could not be parsed as a kubeconfig document");
  }
  const cluster = config.getCurrentCluster();
  if (!cluster || !cluster.server) {
    throw new Error("the mesh kubeconfig has no current context with a cluster server URL");
  }
  return { config, server: cluster.server };
}
