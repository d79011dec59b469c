// The mesh feature parameters CreateServiceMesh and UpdateMeshFeature accept (research/asm-api.md
// §1.1, §1.5), with their wire types, and the typed parsing of them from a request.
import * as E from "../errors/catalog";
import type { OptionValue } from "../state/records";
import type { Params } from "./params";

type OptionType = "bool" | "int" | "num" | "str" | "json";

const LB_SPECS = ["slb.s1.small", "slb.s2.small", "slb.s2.medium", "slb.s3.small", "slb.s3.medium", "slb.s3.large"];

/** Options both create and UpdateMeshFeature accept. */
export const FEATURE_OPTIONS: Record<string, OptionType> = {
  Tracing: "bool", TraceSampling: "num", CustomizedZipkin: "bool", LocalityLoadBalancing: "bool", LocalityLBConf: "json",
  Telemetry: "bool", KialiEnabled: "bool", CustomizedPrometheus: "bool", PrometheusUrl: "str",
  OpenAgentPolicy: "bool", OpaEnabled: "bool", OPALogLevel: "str", OPARequestCPU: "str", OPARequestMemory: "str",
  OPALimitCPU: "str", OPALimitMemory: "str", EnableAudit: "bool", AuditProject: "str",
  ProxyRequestCPU: "str", ProxyRequestMemory: "str", ProxyLimitCPU: "str", ProxyLimitMemory: "str",
  IncludeIPRanges: "str", ExcludeIPRanges: "str", ExcludeOutboundPorts: "str", ExcludeInboundPorts: "str",
  AccessLogEnabled: "bool", AccessLogFile: "str", AccessLogFormat: "json", AccessLogProject: "str",
  AccessLogServiceEnabled: "bool", AccessLogServiceHost: "str", AccessLogServicePort: "int",
  RedisFilterEnabled: "bool", MysqlFilterEnabled: "bool", ThriftFilterEnabled: "bool", WebAssemblyFilterEnabled: "bool",
  DubboFilterEnabled: "bool", MSEEnabled: "bool", DNSProxyingEnabled: "bool", ConfigSourceEnabled: "bool",
  ConfigSourceNacosID: "str", FilterGatewayClusterConfig: "bool", EnableSDSServer: "bool", GatewayAPIEnabled: "bool",
  EnableCRHistory: "bool", CRAggregationEnabled: "bool", MultiBufferEnabled: "bool", MultiBufferPollDelay: "str",
  ExistingCaCert: "str", ExistingCaKey: "str", ExistingRootCaCert: "str", CertChain: "str",
};

/** Options only UpdateMeshFeature accepts. */
export const UPDATE_ONLY_OPTIONS: Record<string, OptionType> = {
  OutboundTrafficPolicy: "str", Http10Enabled: "bool", EnableNamespacesByDefault: "bool",
  AutoInjectionPolicyEnabled: "bool", SidecarInjectorRequestCPU: "str", SidecarInjectorRequestMemory: "str",
  SidecarInjectorLimitCPU: "str", SidecarInjectorLimitMemory: "str", SidecarInjectorWebhookAsYaml: "str",
  CniEnabled: "bool", CniExcludeNamespaces: "str", IncludeInboundPorts: "str", IncludeOutboundPorts: "str",
  TerminationDrainDuration: "str", Lifecycle: "json", DiscoverySelectors: "json", TraceCustomTags: "json",
  LogLevel: "str", Concurrency: "int", InterceptionMode: "str", ProxyStatsMatcher: "json",
  AccessLogGatewayEnabled: "bool", AccessLogSidecarEnabled: "bool", EnableAutoDiagnosis: "bool",
  AccessLogGatewayLifecycle: "int", AccessLogSidecarLifecycle: "int", DefaultComponentsScheduleConfig: "json",
  EnableBootstrapXdsAgent: "bool", HoldApplicationUntilProxyStarts: "bool", IntegrateKiali: "bool",
  KialiArmsAuthTokens: "json", KialiServiceAnnotations: "json", LabelsForOffloadedWorkloads: "str",
  NFDEnabled: "bool", NFDLabelPruned: "bool", OPAInjectorCPULimit: "str", OPAInjectorCPURequirement: "str",
  OPAInjectorMemoryLimit: "str", OPAInjectorMemoryRequirement: "str", OPAScopeInjected: "bool",
  PilotEnableQuicListeners: "bool", ProxyInitCPUResourceLimit: "str", ProxyInitCPUResourceRequest: "str",
  ProxyInitMemoryResourceLimit: "str", ProxyInitMemoryResourceRequest: "str", SMCEnabled: "bool",
  // The SDK types these two as strings though they hold numbers ("256", "2"); stored as sent.
  TraceMaxPathTagLength: "str", TracingOnExtZipkinReplicaCount: "str",
  TracingOnExtZipkinLimitCPU: "str", TracingOnExtZipkinLimitMemory: "str", TracingOnExtZipkinRequestCPU: "str",
  TracingOnExtZipkinRequestMemory: "str",
};

/** Options only CreateServiceMesh accepts (create-only: changing them means a new mesh). */
export const CREATE_ONLY_OPTIONS: Record<string, OptionType> = {
  ApiServerPublicEip: "bool", ApiServerLoadBalancerSpec: "str", PilotLoadBalancerSpec: "str", ChargeType: "str",
  Period: "int", AutoRenew: "bool", AutoRenewPeriod: "int", ClusterDomain: "str", UseExistingCA: "bool",
  ControlPlaneLogEnabled: "bool", ControlPlaneLogProject: "str", EnableAmbient: "bool", EnableACMG: "bool",
  ExistingCaType: "str", ExistingRootCaKey: "str", PlaygroundScene: "str",
};

const ENUMS: Record<string, readonly string[]> = {
  ApiServerLoadBalancerSpec: LB_SPECS, PilotLoadBalancerSpec: LB_SPECS, ChargeType: ["PayOnDemand", "PrePay"],
  OutboundTrafficPolicy: ["ALLOW_ANY", "REGISTRY_ONLY"], OPALogLevel: ["info", "debug", "error"],
  InterceptionMode: ["REDIRECT", "TPROXY"], ExistingCaType: ["1", "2"], PlaygroundScene: ["ewmaLb"],
};

function readOne(p: Params, name: string, type: OptionType): OptionValue | undefined {
  if (ENUMS[name]) return p.oneOf(name, ENUMS[name]);
  switch (type) {
    case "bool": return p.bool(name);
    case "int": return p.int(name, 0);
    case "num": return p.num(name);
    case "json": p.json(name); return p.str(name);   // validated as JSON, stored as sent
    default: return p.str(name);
  }
}

export function readOptions(p: Params, tables: Record<string, OptionType>[]): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  for (const table of tables) {
    for (const [name, type] of Object.entries(table)) {
      const v = readOne(p, name, type);
      if (v !== undefined) out[name] = v;
    }
  }
  if (out.KialiEnabled === true && out.Telemetry === false) {
    throw E.invalidParameter("KialiEnabled", "Kiali needs Telemetry=true.");
  }
  if (typeof out.TraceSampling === "number" && (out.TraceSampling < 0 || out.TraceSampling > 100)) {
    throw E.invalidParameter("TraceSampling", `expected a percentage from 0 to 100, got ${out.TraceSampling}.`);
  }
  return out;
}
