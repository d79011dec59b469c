// Every DescribeServiceMeshDetail this process makes is published here, per endpoint and mesh, so
// resources waiting on one mesh share what any of them sees. Two attachments to one mesh each wait
// for it to be `running` again: whichever polls first settles both, and an attachment queued behind
// the busy mesh sends its change as soon as anyone sees the mesh free, instead of on its own timer.
//
// Only reads sent after a listener subscribed reach it: a read in flight when a wait began may show
// the mesh as it was before that wait's own change (still `running`), which must not end the wait.
import { isNotFound, ServiceMeshDetail } from "../api";
import { FeedEvent, PollResult, WaitFeed } from "../waiter";
import { ProviderContext } from "./context";

type Listener = (result: PollResult<ServiceMeshDetail>, sent: number, source: symbol | undefined) => void;

const listeners = new Map<string, Set<Listener>>();
/** Numbers reads in the order they are sent. */
let sent = 0;

const keyOf = (ctx: ProviderContext, meshId: string) => `${ctx.settings.endpoint}\u0000${meshId}`;

function publish(key: string, result: PollResult<ServiceMeshDetail>, at: number, source: symbol | undefined): void {
  for (const listener of listeners.get(key) ?? []) listener(result, at, source);
}

/** DescribeServiceMeshDetail, published to every listener on this mesh except `source`'s own. */
export async function observeMesh(ctx: ProviderContext, meshId: string, source?: symbol): Promise<ServiceMeshDetail> {
  const key = keyOf(ctx, meshId);
  const at = ++sent;
  try {
    const detail = (await ctx.client.call("DescribeServiceMeshDetail", { ServiceMeshId: meshId })).ServiceMesh;
    publish(key, { ok: detail }, at, source);
    return detail;
  } catch (err) {
    publish(key, { err }, at, source);
    throw err;
  }
}

/**
 * A feed of the mesh as others read it, for one wait. `translate` turns a mesh read into the wait's
 * own event (a result its acceptors judge, or "poll now"); undefined drops it. Reads made with
 * `self` as source are the wait's own and are not fed back to it.
 */
export function meshFeed<T>(
  ctx: ProviderContext,
  meshId: string,
  self: symbol,
  translate: (result: PollResult<ServiceMeshDetail>) => FeedEvent<T> | undefined,
): WaitFeed<T> {
  const key = keyOf(ctx, meshId);
  return {
    subscribe(deliver) {
      const since = sent;
      const listener: Listener = (result, at, source) => {
        if (at <= since || source === self) return;
        // Of errors only "gone" is news; any other failed read the wait meets itself if it is real, and
        // another caller's passing failure must not end this wait.
        if ("err" in result && !isNotFound(result.err)) return;
        const event = translate(result);
        if (event !== undefined) deliver(event);
      };
      const set = listeners.get(key) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(key, set);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(key) === set) listeners.delete(key);
      };
    },
  };
}

/** How many waits listen to mesh reads now (tests check that none is left behind). */
export function meshListenerCount(): number {
  let n = 0;
  for (const set of listeners.values()) n += set.size;
  return n;
}
