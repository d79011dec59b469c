// Public surface of the waiter: waitUntil plus acceptor helpers, clock and backoff.
export * from "./acceptors";
export * from "./backoff";
export * from "./clock";
export * from "./errors";
export * from "./waiter";
export * from "./deadline";
