// Renders a mesh record in the wire shapes of DescribeServiceMeshDetail and of a DescribeServiceMeshes row,
// with the fields and types of the official SDK's response models (emulator/contract/). Create and update
// parameter names differ from the names reads report them under; MESH_CONFIG_READS is that mapping, one
// row per reported field, and nothing else in the emulator knows it.
import { auditProjectStatus, proImageTag, UNDOCUMENTED_INITIAL_READS as INITIAL } from "../modelled";
import type { MeshView, OptionValue } from "../state/records";
import { isoTime } from "./context";

/** A field of Spec.MeshConfig: where it is (dotted, below MeshConfig) and how its value is found. */
export type MeshConfigRead = {
  at: string;
  /** Also in a DescribeServiceMeshes row, whose MeshConfig the SDK declares with fewer fields. */
  inList?: true;
} & (
  | {
    /** The create or update parameter whose accepted value the field reports. */
    option: string;
    /** What the field says before the parameter was ever sent; absent: the field is left out until then. */
    initial?: OptionValue;
    /** For a parameter that carries JSON: the structure the field reports, or undefined to leave it out. */
    decode?: (sent: string) => unknown;
  }
  | { derive: (m: MeshView) => unknown }
);

const jsonArray = (sent: string): unknown => {
  const v: unknown = JSON.parse(sent);
  return Array.isArray(v) ? v : undefined;
};
const jsonObject = (sent: string): unknown => {
  const v: unknown = JSON.parse(sent);
  return v !== null && typeof v === "object" && !Array.isArray(v) ? v : undefined;
};
/** The LocalityLBConf object, under the read field its own key names (modelled, see ../modelled.ts). */
const localityConf = (key: string) => (sent: string): unknown => {
  const conf = jsonObject(sent) as Record<string, unknown> | undefined;
  return conf && Object.hasOwn(conf, key) ? conf : undefined;
};

export const MESH_CONFIG_READS: readonly MeshConfigRead[] = [
  { at: "Tracing", option: "Tracing", initial: false, inList: true },
  { at: "Telemetry", option: "Telemetry", initial: false, inList: true },
  { at: "OutboundTrafficPolicy", option: "OutboundTrafficPolicy", initial: "ALLOW_ANY", inList: true },
  { at: "CustomizedZipkin", option: "CustomizedZipkin", initial: false },
  { at: "EnableLocalityLB", option: "LocalityLoadBalancing", initial: false },
  { at: "IncludeIPRanges", option: "IncludeIPRanges", initial: "*" },
  { at: "ExcludeIPRanges", option: "ExcludeIPRanges", initial: "" },
  { at: "ExcludeInboundPorts", option: "ExcludeInboundPorts", initial: "" },
  { at: "ExcludeOutboundPorts", option: "ExcludeOutboundPorts", initial: "" },
  { at: "Pilot.TraceSampling", option: "TraceSampling", initial: 1, inList: true },
  { at: "Pilot.Http10Enabled", option: "Http10Enabled", initial: false, inList: true },
  { at: "Pilot.ConfigSource.Enabled", option: "ConfigSourceEnabled", initial: false },
  { at: "Pilot.ConfigSource.NacosID", option: "ConfigSourceNacosID", initial: "" },
  { at: "Pilot.Feature.EnableSDSServer", option: "EnableSDSServer", initial: false },
  { at: "Pilot.Feature.FilterGatewayClusterConfig", option: "FilterGatewayClusterConfig", initial: false },
  { at: "OPA.Enabled", option: "OpaEnabled", initial: false },
  { at: "OPA.LogLevel", option: "OPALogLevel", initial: "info" },
  { at: "OPA.RequestCPU", option: "OPARequestCPU", initial: "" },
  { at: "OPA.RequestMemory", option: "OPARequestMemory", initial: "" },
  { at: "OPA.LimitCPU", option: "OPALimitCPU", initial: "" },
  { at: "OPA.LimitMemory", option: "OPALimitMemory", initial: "" },
  { at: "Audit.Enabled", option: "EnableAudit", initial: false },
  { at: "Audit.Project", derive: (m) => m.options.AuditProject ?? `mesh-log-${m.id}` },
  { at: "Audit.AuditProjectStatus", derive: (m) => auditProjectStatus(m.options.EnableAudit === true) },
  { at: "AccessLog.Enabled", option: "AccessLogEnabled", initial: false },
  { at: "AccessLog.Project", option: "AccessLogProject", initial: "" },
  { at: "Prometheus.UseExternal", option: "CustomizedPrometheus", initial: false },
  { at: "Prometheus.ExternalUrl", option: "PrometheusUrl", initial: "" },
  { at: "Kiali.Enabled", option: "KialiEnabled", initial: false },
  { at: "Kiali.Url", derive: () => "" },
  { at: "Proxy.RequestCPU", option: "ProxyRequestCPU", initial: "100m" },
  { at: "Proxy.RequestMemory", option: "ProxyRequestMemory", initial: "128Mi" },
  { at: "Proxy.LimitCPU", option: "ProxyLimitCPU", initial: "2000m" },
  { at: "Proxy.LimitMemory", option: "ProxyLimitMemory", initial: "1024Mi" },
  { at: "Proxy.ClusterDomain", option: "ClusterDomain", initial: "cluster.local" },
  { at: "Proxy.EnableDNSProxying", option: "DNSProxyingEnabled", initial: false },
  { at: "Proxy.AccessLogFile", option: "AccessLogFile", initial: "" },
  { at: "Proxy.AccessLogFormat", option: "AccessLogFormat", initial: "" },
  { at: "Proxy.AccessLogServiceEnabled", option: "AccessLogServiceEnabled", initial: false },
  { at: "Proxy.AccessLogServiceHost", option: "AccessLogServiceHost", initial: "" },
  { at: "Proxy.AccessLogServicePort", option: "AccessLogServicePort", initial: 0 },
  { at: "SidecarInjector.EnableNamespacesByDefault", option: "EnableNamespacesByDefault", initial: false, inList: true },
  { at: "SidecarInjector.AutoInjectionPolicyEnabled", option: "AutoInjectionPolicyEnabled", initial: false, inList: true },
  { at: "SidecarInjector.RequestCPU", option: "SidecarInjectorRequestCPU", initial: "" },
  { at: "SidecarInjector.RequestMemory", option: "SidecarInjectorRequestMemory", initial: "" },
  { at: "SidecarInjector.LimitCPU", option: "SidecarInjectorLimitCPU", initial: "" },
  { at: "SidecarInjector.LimitMemory", option: "SidecarInjectorLimitMemory", initial: "" },
  { at: "SidecarInjector.SidecarInjectorWebhookAsYaml", option: "SidecarInjectorWebhookAsYaml", initial: "" },
  // The documented default; no parameter sets it.
  { at: "SidecarInjector.SidecarInjectorNum", derive: () => 1 },
  { at: "SidecarInjector.InitCNIConfiguration.Enabled", option: "CniEnabled", initial: false, inList: true },
  { at: "SidecarInjector.InitCNIConfiguration.ExcludeNamespaces", option: "CniExcludeNamespaces", initial: "", inList: true },
  { at: "Edition.Name", derive: (m) => m.edition },
  { at: "Edition.IstiodImageTag", derive: (m) => proImageTag(m.version, m.edition) },
  { at: "Edition.ProxyImageTag", derive: (m) => proImageTag(m.version, m.edition) },
  { at: "LocalityLB.Enabled", option: "LocalityLoadBalancing", initial: false },
  { at: "LocalityLB.Failover", option: "LocalityLBConf", decode: localityConf("failover") },
  { at: "LocalityLB.Distribute", option: "LocalityLBConf", decode: localityConf("distribute") },
  { at: "LocalityLB.FailoverPriority", option: "LocalityLBConf", decode: localityConf("failoverPriority") },
  { at: "MSE.Enabled", option: "MSEEnabled", initial: false },
  { at: "ProtocolSupport.RedisFilterEnabled", option: "RedisFilterEnabled", initial: false },
  { at: "ProtocolSupport.MysqlFilterEnabled", option: "MysqlFilterEnabled", initial: false },
  { at: "ProtocolSupport.ThriftFilterEnabled", option: "ThriftFilterEnabled", initial: false },
  { at: "ProtocolSupport.DubboFilterEnabled", option: "DubboFilterEnabled", initial: false },
  { at: "WebAssemblyFilterDeployment.Enabled", option: "WebAssemblyFilterEnabled", initial: false },
  { at: "ControlPlaneLogInfo.Enabled", option: "ControlPlaneLogEnabled", initial: false },
  { at: "ControlPlaneLogInfo.Project", option: "ControlPlaneLogProject", initial: "" },
  { at: "ControlPlaneLogInfo.LogTTL", option: "ControlPlaneLogTTLInDay", initial: INITIAL.ControlPlaneLogTTLInDay },
  { at: "K8sNewAPIsSupport.GatewayAPIEnabled", option: "GatewayAPIEnabled", initial: false },
  { at: "ExtraConfiguration.CRAggregationEnabled", option: "CRAggregationEnabled", initial: false },
  { at: "ExtraConfiguration.CRAggregationConfiguration.Enabled", option: "CRAggregationEnabled", initial: false },
  { at: "ExtraConfiguration.IstioCRHistory.EnableHistory", option: "EnableCRHistory", initial: false },
  { at: "ExtraConfiguration.MultiBuffer.Enabled", option: "MultiBufferEnabled", initial: true },
  { at: "ExtraConfiguration.MultiBuffer.PollDelay", option: "MultiBufferPollDelay", initial: "30s" },
  { at: "ExtraConfiguration.AccessLogExtraConf.GatewayEnabled", option: "AccessLogGatewayEnabled", initial: false },
  { at: "ExtraConfiguration.AccessLogExtraConf.GatewayLifecycle", option: "AccessLogGatewayLifecycle", initial: INITIAL.AccessLogGatewayLifecycle },
  { at: "ExtraConfiguration.AccessLogExtraConf.SidecarEnabled", option: "AccessLogSidecarEnabled", initial: false },
  { at: "ExtraConfiguration.AccessLogExtraConf.SidecarLifecycle", option: "AccessLogSidecarLifecycle", initial: INITIAL.AccessLogSidecarLifecycle },
  { at: "ExtraConfiguration.AutoDiagnosis.AutoDiagnosisEnabled", option: "EnableAutoDiagnosis", initial: false },
  { at: "ExtraConfiguration.DiscoverySelectors", option: "DiscoverySelectors", decode: jsonArray },
  { at: "ExtraConfiguration.IstiodExtraConfiguration.LabelsForOffloadedWorkloads", option: "LabelsForOffloadedWorkloads", initial: "" },
  { at: "ExtraConfiguration.IstiodExtraConfiguration.PilotEnableQuicListeners", option: "PilotEnableQuicListeners", initial: false },
  { at: "ExtraConfiguration.Lifecycle", option: "Lifecycle", decode: jsonObject },
  { at: "ExtraConfiguration.NFDConfiguration.Enabled", option: "NFDEnabled", initial: false },
  { at: "ExtraConfiguration.NFDConfiguration.NFDLabelPruned", option: "NFDLabelPruned", initial: false },
  { at: "ExtraConfiguration.OPAScopeInjection.OPAScopeInjected", option: "OPAScopeInjected", initial: false },
  { at: "ExtraConfiguration.Playground.Scene", option: "PlaygroundScene", inList: true },
  { at: "ExtraConfiguration.SidecarProxyInitResourceLimit.ResourceCPULimit", option: "ProxyInitCPUResourceLimit", initial: "" },
  { at: "ExtraConfiguration.SidecarProxyInitResourceLimit.ResourceMemoryLimit", option: "ProxyInitMemoryResourceLimit", initial: "" },
  { at: "ExtraConfiguration.SidecarProxyInitResourceRequest.ResourceCPURequest", option: "ProxyInitCPUResourceRequest", initial: "" },
  { at: "ExtraConfiguration.SidecarProxyInitResourceRequest.ResourceMemoryRequest", option: "ProxyInitMemoryResourceRequest", initial: "" },
  { at: "ExtraConfiguration.TerminationDrainDuration", option: "TerminationDrainDuration", initial: INITIAL.TerminationDrainDuration },
];

function valueOf(read: MeshConfigRead, m: MeshView): unknown {
  if ("derive" in read) return read.derive(m);
  const sent = Object.hasOwn(m.options, read.option) ? m.options[read.option] : undefined;
  if (sent === undefined) return read.initial;
  return read.decode && typeof sent === "string" ? read.decode(sent) : sent;
}

function put(into: Record<string, unknown>, dotted: string, value: unknown): void {
  const keys = dotted.split(".");
  let at = into;
  for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
  at[keys[keys.length - 1]] = value;
}

function meshConfig(m: MeshView, listRow: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const read of MESH_CONFIG_READS) {
    if (listRow && !read.inList) continue;
    const v = valueOf(read, m);
    if (v !== undefined) put(out, read.at, v);
  }
  return out;
}

export function meshInfo(m: MeshView): Record<string, unknown> {
  return {
    ServiceMeshId: m.id, Name: m.name, RegionId: m.regionId, State: m.phase.status, ErrorMessage: m.errorMessage,
    Version: m.version, Profile: m.edition, CreationTime: isoTime(m.createdAt), UpdateTime: isoTime(m.updatedAt),
  };
}

function meshSpec(m: MeshView, listRow: boolean): Record<string, unknown> {
  const short = m.id.slice(1, 9);
  const publicApi = m.options.ApiServerPublicEip === true;
  const loadBalancer: Record<string, unknown> = {
    ApiServerPublicEip: publicApi, ApiServerLoadbalancerId: `lb-emu-api-${short}`, PilotPublicEip: false, PilotPublicLoadbalancerId: "",
  };
  if (!listRow) {
    Object.assign(loadBalancer, {
      ApiServerPublicEipId: publicApi ? `eip-emu-api-${short}` : "", PilotPublicEipId: "",
      CanaryPilotLoadBalancerId: "", CanaryPilotPublicEipId: "",
    });
  }
  return {
    Network: { VpcId: m.vpcId, SecurityGroupId: `sg-emu-${short}`, VSwitches: [...m.vSwitches] },
    LoadBalancer: loadBalancer,
    MeshConfig: meshConfig(m, listRow),
  };
}

/** Addresses are placeholders (nothing listens there); a public one exists only with ApiServerPublicEip. */
function meshEndpoints(m: MeshView, listRow: boolean): Record<string, unknown> {
  const octet = parseInt(m.id.slice(1, 3), 16) % 250 + 2;
  const endpoints: Record<string, unknown> = {
    IntranetApiServerEndpoint: `https://192.168.0.${octet}:6443`,
    PublicApiServerEndpoint: m.options.ApiServerPublicEip === true ? `https://47.96.0.${octet}:6443` : "",
    IntranetPilotEndpoint: `192.168.1.${octet}`, PublicPilotEndpoint: "",
  };
  // No canary control plane runs, and the reverse tunnel (list rows only) is deprecated: empty, as on a mesh without them.
  Object.assign(endpoints, listRow ? { ReverseTunnelEndpoint: "" } : { IntranetCanaryPilotEndpoint: "", PublicCanaryPilotEndpoint: "" });
  return endpoints;
}

export function meshDetail(m: MeshView): Record<string, unknown> {
  return {
    ServiceMeshInfo: meshInfo(m), Clusters: [...m.clusters], ClusterSpec: m.clusterSpec, OwnerType: "", OwnerId: "",
    Endpoints: meshEndpoints(m, false), Spec: meshSpec(m, false),
  };
}

/** A DescribeServiceMeshes row, without its Tag and Upgradable (the handler adds them). */
export function meshListRow(m: MeshView): Record<string, unknown> {
  return {
    ServiceMeshInfo: meshInfo(m), Clusters: [...m.clusters], ClusterSpec: m.clusterSpec, OwnerType: "", OwnerId: "",
    Endpoints: meshEndpoints(m, true), Spec: meshSpec(m, true),
  };
}
