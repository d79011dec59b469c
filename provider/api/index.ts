// Public surface of the typed ASM client. Never imports @pulumi/*.
export * from "./catalog";
export * from "./client";
export * from "./errors";
export * from "./regions";
export * from "./retry";
export * from "./transport";
export * from "./credentials";
