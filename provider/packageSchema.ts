// The Pulumi package schema of the `asm` package: the five kinds and the functions from their descriptions,
// the provider's configuration from its key table. What the native plugin's GetSchema answers and what `npm run schema`
// commits as schema.json. The package facts (version, license) come in as arguments so this stays a pure
// function of the sources.
import { CONFIG_KEYS } from "./configKeys";
import { FUNCTIONS } from "./functions";
import { asmGatewayDescription } from "./resources/asmGateway/description";
import { clusterAttachmentDescription } from "./resources/clusterAttachment/description";
import { gatewayRouteDescription } from "./resources/gatewayRoute/description";
import { describeGatewaySecret } from "./resources/gatewaySecret/description";
import { serviceMeshDescription } from "./resources/serviceMesh/description";
import type { ResourceKind } from "./runtime";
import type { FieldSpecs, ResourceDescription } from "./schema";
import { ComplexTypeSpec, functionSpecOf, FunctionSpec, NamedTypes, PropertySpec, propertiesOf, ResourceSpec, resourceSpecOf, topLevel } from "./schema/pulumiSchema";

export const PACKAGE_NAME = "asm";
const MODULE = "index";

/** The resource kinds' descriptions, one per registered kind (a kind without one does not compile). */
export const DESCRIPTIONS: Readonly<Record<ResourceKind, ResourceDescription>> = {
  ServiceMesh: serviceMeshDescription,
  ClusterAttachment: clusterAttachmentDescription,
  ASMGateway: asmGatewayDescription,
  GatewaySecret: describeGatewaySecret(),
  GatewayRoute: gatewayRouteDescription,
};

/** `asm:index:<Kind>`, the type token the native plugin serves a kind under. */
export const typeToken = (kind: string): string => `${PACKAGE_NAME}:${MODULE}:${kind}`;

/** `asm:index:<function>`, the token a program invokes a function by (`asm:index:getServiceMeshes`). */
export const functionToken = (name: string): string => `${PACKAGE_NAME}:${MODULE}:${name}`;

/** What the package says about itself, from package.json. */
export interface PackageFacts {
  version: string;
  license?: string;
  repository?: string;
}

export interface PackageSchema {
  name: string;
  displayName: string;
  version: string;
  description: string;
  keywords: string[];
  license?: string;
  repository?: string;
  config: { variables: Record<string, PropertySpec> };
  provider: { description: string; inputProperties: Record<string, PropertySpec> };
  resources: Record<string, ResourceSpec>;
  functions: Record<string, FunctionSpec>;
  types: Record<string, ComplexTypeSpec>;
  language: Record<"nodejs" | "python" | "go", Record<string, string>>;
}

/**
 * The generated SDKs' package names (docs/sdks.md). In the schema, not only in scripts/sdkgen, because the
 * code `pulumi import` prints names the Node.js package from here: the generators' fallbacks
 * (`@pulumi/asm`, `example.com/pulumi-asm/sdk`) name packages this project does not own.
 */
export const SDK_NAMES: PackageSchema["language"] = {
  nodejs: { packageName: "@asm-pulumi/asm" },
  python: { packageName: "pulumi_asm" },
  go: { importBasePath: "asm-pulumi/sdk/go/asm" },
};

export const configFields = (): FieldSpecs => Object.fromEntries(Object.entries(CONFIG_KEYS).map(([name, key]) => [name, key.field]));

export function packageSchema(facts: PackageFacts): PackageSchema {
  const types = new NamedTypes(`${PACKAGE_NAME}:${MODULE}:`);
  // The provider resource takes the config keys as its inputs: an explicit provider is configured the same way.
  const config = propertiesOf(configFields(), topLevel("Provider"), types).properties;
  const resources = Object.fromEntries(Object.entries(DESCRIPTIONS).map(([kind, d]) => [typeToken(kind), resourceSpecOf(d, types)]));
  const functions = Object.fromEntries(Object.entries(FUNCTIONS).map(([name, d]) => [functionToken(name), functionSpecOf(d, types)]));
  return {
    name: PACKAGE_NAME,
    displayName: "Alibaba Cloud Service Mesh",
    version: facts.version,
    description: "Alibaba Cloud Service Mesh (ASM): meshes, cluster attachments, gateways, gateway TLS secrets and gateway routes.",
    keywords: ["pulumi", "alicloud", "asm", "servicemesh", "istio"],
    ...(facts.license === undefined ? {} : { license: facts.license }),
    ...(facts.repository === undefined ? {} : { repository: facts.repository }),
    config: { variables: config },
    provider: { description: "The provider for Alibaba Cloud Service Mesh: credentials, region and the API endpoint.", inputProperties: config },
    resources,
    functions,
    types: types.all(),
    language: SDK_NAMES,
  };
}
