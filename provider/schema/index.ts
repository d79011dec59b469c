// Public surface of the schema engine: the field DSL plus generic check and diff.
export * from "./adopted";
export * from "./check";
export * from "./declared";
export * from "./diff";
export * from "./fields";
export * from "./paths";
export { validateLeaf } from "./validate";
