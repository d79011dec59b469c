// What a TypeScript program that uses the native plugin (type tokens asm:index:*) imports from this package:
// `import { native } from "asm-pulumi"`. The resource classes at the top level are the dynamic ones.
export * from "./functions";
