// Mesh waits (its create, cluster attachments) come before the gateway steps that use the mesh's
// Kubernetes API, and loading that client costs ~0.2 s of synchronous work. Loading it while those
// waits sleep keeps it off the gateway's step; a stack without gateways pays it in time it spends
// sleeping anyway.
import { whileWaiting } from "../framework";
import { preloadKubeClient } from "../kube";

let registered = false;

export function warmKubeClientWhileWaiting(): void {
  if (registered) return;
  registered = true;
  whileWaiting(preloadKubeClient);
}
