// Public surface of the schema engine: the field DSL, the generic check and diff, the wire mapping,
// and the resource description that drives them.
export * from "./adopted";
export * from "./check";
export * from "./declared";
export * from "./diff";
export * from "./fields";
export * from "./function";
export * from "./paths";
export * from "./resource";
export { firstNonJsonPath, validateLeaf } from "./validate";
export * from "./wire";
