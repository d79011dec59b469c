// Public surface of the provider framework: defineProvider, the context, partial-state error,
// timeouts input helpers and progress logging.
export * from "./compositeId";
export * from "./conflict";
export * from "./context";
export * from "./defineProvider";
export * from "./errors";
export * from "./idleWork";
export * from "./meshId";
export * from "./meshLifecycle";
export * from "./meshObservations";
export * from "./ownerKey";
export * from "./ownership";
export * from "./progress";
export * from "./timeouts";
export * from "./waitPolicies";
export * from "./writeOnce";
