// Poll schedules of the waits that are not on a mesh's state (those use MESH_POLICY): one per kind of
// wait, so resources that wait for the same kind of thing poll alike.
import type { BackoffPolicy } from "../waiter";

/**
 * A new object becoming visible to reads (read-after-create consistency; a route or secret the API
 * accepted a moment ago). Such windows are short, and the cap keeps a slow one from being seen late.
 */
export const VISIBILITY_POLICY: BackoffPolicy = { minMs: 500, maxMs: 5_000, growth: 0.3 };

/**
 * A control-plane object settling (a gateway's custom resource showing the spec written, or gone
 * after a delete): seconds usually, minutes at worst. A busy mesh accepting a write is a wait on the
 * mesh (MESH_POLICY, conflict.ts).
 */
export const OBJECT_POLICY: BackoffPolicy = { minMs: 500, maxMs: 10_000, growth: 0.3 };
