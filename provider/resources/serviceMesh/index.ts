// ServiceMesh: one ASM instance.
// Lifecycle (DescribeServiceMeshDetail → ServiceMeshInfo.State):
//   CreateServiceMesh → initial → running (ready); changes pass through updating/upgrading → running;
//   any state → failed (terminal: fail fast with ErrorMessage); DeleteServiceMesh → deleting → NotFound.
// Ready means State == "running". Name, feature flags, version and tags update in place
// (ModifyServiceMeshName, UpdateMeshFeature, UpgradeMeshEditionPartially, Tag/UntagResources);
// every mode:"create" row of params.ts plus network and regionId replaces the mesh.
// Delete refuses at once when clusters this stack does not manage are still attached.
// Adoption: `adoptId` takes over an existing mesh (pulumi import cannot work for dynamic resources).
import * as pulumi from "@pulumi/pulumi";
import type { Timeouts } from "../../framework/timeouts";
import { ownerInput } from "../../framework/ownerKey";
import { providerShim } from "../../shim";
import { DEFAULT_NAME_INPUT, SERVICE_MESH_OUTPUTS } from "./description";

type In<T> = pulumi.Input<T>;
type Group<T> = In<{ [K in keyof T]?: In<T[K]> }>;

export interface ServiceMeshArgs {
  /** Mesh name; defaults to the Pulumi resource name (an adopted mesh keeps its own). Renames in place. */
  name?: In<string>;
  /** Region; defaults to alicloud:region. Create-only. */
  regionId?: In<string>;
  /** VPC and vSwitches. Create-only. */
  network: In<{ vpcId: In<string>; vSwitchIds: In<In<string>[]> }>;
  /** ASM version; a newer value upgrades in place (UpgradeMeshEditionPartially). */
  istioVersion?: In<string>;
  /** Upgrade the mesh's gateways together with the mesh (ASMGatewayContinue). */
  upgradeGateways?: In<boolean>;
  /** Default → Pro upgrades in place; Pro → Default replaces the mesh. */
  edition?: In<"Default" | "Pro">;
  clusterSpec?: In<"standard" | "enterprise" | "ultimate">;
  billing?: Group<{ chargeType: "PayOnDemand" | "PrePay"; period: number; autoRenew: boolean; autoRenewPeriod: number }>;
  loadBalancer?: Group<{ apiServerPublicEip: boolean; apiServerSpec: string; pilotSpec: string }>;
  tracing?: Group<{ enabled: boolean; sampling: number; customizedZipkin: boolean }>;
  localityLoadBalancing?: Group<{ enabled: boolean; config: string }>;
  prometheus?: Group<{ enabled: boolean; external: boolean; url: string }>;
  kiali?: Group<{ enabled: boolean }>;
  opa?: Group<{ enabled: boolean; openAgentPolicy: boolean; logLevel: string; requestCpu: string; requestMemory: string; limitCpu: string; limitMemory: string }>;
  audit?: Group<{ enabled: boolean; project: string }>;
  proxy?: Group<{ requestCpu: string; requestMemory: string; limitCpu: string; limitMemory: string; clusterDomain: string; dnsProxying: boolean }>;
  sidecar?: Group<{ includeIpRanges: string; excludeIpRanges: string; excludeOutboundPorts: string; excludeInboundPorts: string }>;
  accessLog?: Group<{ enabled: boolean; file: string; format: string; project: string; serviceEnabled: boolean; serviceHost: string; servicePort: number }>;
  controlPlaneLog?: Group<{ enabled: boolean; project: string }>;
  filters?: Group<{ redis: boolean; mysql: boolean; thrift: boolean; webAssembly: boolean; dubbo: boolean }>;
  mse?: Group<{ enabled: boolean }>;
  configSource?: Group<{ enabled: boolean; nacosId: string }>;
  features?: Group<{
    filterGatewayClusterConfig: boolean; sdsServer: boolean; gatewayApi: boolean; crHistory: boolean; crAggregation: boolean;
    ambient: boolean; acmg: boolean; globalRateLimit: boolean; playgroundScene: "ewmaLb";
  }>;
  multiBuffer?: Group<{ enabled: boolean; pollDelay: string }>;
  /** An existing CA; pass `key` and `rootKey` as secrets. */
  ca?: Group<{ useExisting: boolean; cert: string; key: string; rootCert: string; certChain: string; type: "1" | "2"; rootKey: string }>;
  /** An ACK cluster attached at creation (create-only); prefer a ClusterAttachment. */
  guestClusterId?: In<string>;
  tags?: In<Record<string, In<string>>>;
  /** Deadlines such as "15m" (defaults: create 15m, update 15m, delete 20m). */
  timeouts?: In<Timeouts>;
  /** Take over this existing mesh instead of creating one. */
  adoptId?: In<string>;
}

export class ServiceMesh extends pulumi.dynamic.Resource {
  /**
   * The ServiceMeshId; the same value as `id`. Both stay known while the mesh is updated in place, so
   * resources that take it (ClusterAttachment, gateways) preview as unchanged rather than replaced.
   */
  public readonly meshId: pulumi.Output<string>;
  declare public readonly state: pulumi.Output<string>;
  declare public readonly version: pulumi.Output<string | undefined>;
  declare public readonly errorMessage: pulumi.Output<string | undefined>;
  declare public readonly endpoints: pulumi.Output<Record<string, string>>;
  declare public readonly clusters: pulumi.Output<string[]>;
  /** Secret: the mesh control plane's kubeconfig. */
  declare public readonly kubeconfig: pulumi.Output<string | undefined>;

  constructor(name: string, args: ServiceMeshArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = Object.fromEntries(SERVICE_MESH_OUTPUTS.map((k) => [k, undefined]));
    // No input shares the kubeconfig key, so the engine must be told; `ca` holds the CA private key.
    const secrets = { additionalSecretOutputs: ["kubeconfig", "ca"] };
    // A secret input stays encrypted in the state's inputs too, even when passed as plain text.
    const ca = args.ca === undefined ? undefined : pulumi.secret(args.ca);
    // The resource name is only the default name, marked as such: check drops it for an adopted mesh, which
    // keeps its own name, also once adoptId is removed (withDefaultName).
    const naming = "name" in args ? {} : { name, [DEFAULT_NAME_INPUT]: true };
    super(providerShim("ServiceMesh"), name, { ...naming, ...args, ca, ...outputs, ...ownerInput("ServiceMesh", name, opts) }, pulumi.mergeOptions(opts, secrets), "asm", "ServiceMesh");
    // A computed output would turn unknown during every in-place update preview (dynamic providers
    // return no preview outputs); the id never does.
    this.meshId = this.id;
  }
}
