// Every DescribeServiceMeshDetail this process makes is published here, per endpoint and mesh, so
// resources waiting on one mesh share what any of them sees. Two attachments to one mesh each wait
// for it to be `running` again: whichever polls first settles both, and an attachment queued behind
// the busy mesh sends its change as soon as anyone sees the mesh free, instead of on its own timer.
//
// Only reads sent after a listener subscribed reach it: a read in flight when a wait began may show
// the mesh as it was before that wait's own change (still `running`), which must not end the wait.
// By the same rule a wait whose poll falls due while such a read is in flight takes that read's
// answer instead of sending another: two waits whose timers fire together cost one call, not two.
import { isNotFound, ServiceMeshDetail } from "../api";
import { FeedEvent, PollResult, WaitFeed } from "../waiter";
import { ProviderContext } from "./context";

/** A read's answer and number, and its readers: the waits that take it as their own poll (undefined: a call outside any wait). */
type Listener = (result: PollResult<ServiceMeshDetail>, sent: number, readers: ReadonlySet<symbol | undefined>) => void;

interface Read {
  /** Its number in the order reads are sent. */
  sent: number;
  readers: Set<symbol | undefined>;
}

const listeners = new Map<string, Set<Listener>>();
/** The newest read of each mesh still waiting for its answer. */
const inFlight = new Map<string, { read: Read; answer: Promise<ServiceMeshDetail> }>();
/** For each wait listening: the number of the last read sent before it subscribed. */
const subscribedAfter = new Map<symbol, number>();
/** Numbers reads in the order they are sent. */
let sent = 0;

const keyOf = (ctx: ProviderContext, meshId: string) => `${ctx.settings.endpoint}\u0000${meshId}`;

function publish(key: string, result: PollResult<ServiceMeshDetail>, at: number, readers: ReadonlySet<symbol | undefined>): void {
  for (const listener of listeners.get(key) ?? []) listener(result, at, readers);
}

/**
 * DescribeServiceMeshDetail, published to every listener on this mesh except the waits that read it.
 * A wait (`source`) whose poll falls due while a read sent after it subscribed is in flight shares
 * that read; any other call sends its own.
 */
export function observeMesh(ctx: ProviderContext, meshId: string, source?: symbol): Promise<ServiceMeshDetail> {
  const key = keyOf(ctx, meshId);
  const current = inFlight.get(key);
  const since = source === undefined ? undefined : subscribedAfter.get(source);
  if (current && since !== undefined && current.read.sent > since) {
    current.read.readers.add(source);
    return current.answer;
  }
  const read: Read = { sent: ++sent, readers: new Set([source]) };
  const answer = describeAndPublish(ctx, meshId, key, read).finally(() => {
    if (inFlight.get(key)?.read === read) inFlight.delete(key);
  });
  inFlight.set(key, { read, answer });
  return answer;
}

async function describeAndPublish(ctx: ProviderContext, meshId: string, key: string, read: Read): Promise<ServiceMeshDetail> {
  try {
    const detail = (await ctx.client.call("DescribeServiceMeshDetail", { ServiceMeshId: meshId })).ServiceMesh;
    publish(key, { ok: detail }, read.sent, read.readers);
    return detail;
  } catch (err) {
    publish(key, { err }, read.sent, read.readers);
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
      subscribedAfter.set(self, since);
      const listener: Listener = (result, at, readers) => {
        if (at <= since || readers.has(self)) return;
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
        subscribedAfter.delete(self);
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
