// Renders a mesh record in the wire shape of DescribeServiceMeshDetail / DescribeServiceMeshes
// (research/asm-api.md §1.2). Create parameter names map to different read names; the mapping is
// here and nowhere else.
import type { MeshView, OptionValue } from "../state/records";
import { isoTime } from "./context";

const opt = (m: MeshView, name: string, fallback: OptionValue): OptionValue => m.options[name] ?? fallback;

export function meshInfo(m: MeshView): Record<string, unknown> {
  return {
    ServiceMeshId: m.id, Name: m.name, RegionId: m.regionId, State: m.phase.status, ErrorMessage: m.errorMessage,
    Version: m.version, Profile: m.edition, CreationTime: isoTime(m.createdAt), UpdateTime: isoTime(m.updatedAt),
  };
}

function meshConfig(m: MeshView): Record<string, unknown> {
  return {
    Tracing: opt(m, "Tracing", false), Telemetry: opt(m, "Telemetry", false),
    CustomizedZipkin: opt(m, "CustomizedZipkin", false), EnableLocalityLB: opt(m, "LocalityLoadBalancing", false),
    OutboundTrafficPolicy: opt(m, "OutboundTrafficPolicy", "ALLOW_ANY"),
    IncludeIPRanges: opt(m, "IncludeIPRanges", "*"), ExcludeIPRanges: opt(m, "ExcludeIPRanges", ""),
    ExcludeInboundPorts: opt(m, "ExcludeInboundPorts", ""), ExcludeOutboundPorts: opt(m, "ExcludeOutboundPorts", ""),
    Pilot: {
      TraceSampling: opt(m, "TraceSampling", 1), Http10Enabled: opt(m, "Http10Enabled", false),
      ConfigSource: { Enabled: opt(m, "ConfigSourceEnabled", false), NacosID: opt(m, "ConfigSourceNacosID", "") },
    },
    OPA: {
      Enabled: opt(m, "OpaEnabled", false), LogLevel: opt(m, "OPALogLevel", "info"),
      RequestCPU: opt(m, "OPARequestCPU", ""), RequestMemory: opt(m, "OPARequestMemory", ""),
      LimitCPU: opt(m, "OPALimitCPU", ""), LimitMemory: opt(m, "OPALimitMemory", ""),
    },
    Audit: { Enabled: opt(m, "EnableAudit", false), Project: opt(m, "AuditProject", `mesh-log-${m.id}`) },
    AccessLog: { Enabled: opt(m, "AccessLogEnabled", false), Project: opt(m, "AccessLogProject", "") },
    Prometheus: { UseExternal: opt(m, "CustomizedPrometheus", false), ExternalUrl: opt(m, "PrometheusUrl", "") },
    Kiali: { Enabled: opt(m, "KialiEnabled", false), Url: "" },
    Proxy: proxyConfig(m),
    SidecarInjector: sidecarInjector(m),
    Edition: { Name: m.edition },
    LocalityLB: { Enabled: opt(m, "LocalityLoadBalancing", false), Failover: failover(m) },
    MSE: { Enabled: opt(m, "MSEEnabled", false) },
    ProtocolSupport: {
      RedisFilterEnabled: opt(m, "RedisFilterEnabled", false), MysqlFilterEnabled: opt(m, "MysqlFilterEnabled", false),
      ThriftFilterEnabled: opt(m, "ThriftFilterEnabled", false), DubboFilterEnabled: opt(m, "DubboFilterEnabled", false),
    },
    WebAssemblyFilterDeployment: { Enabled: opt(m, "WebAssemblyFilterEnabled", false) },
    ControlPlaneLogInfo: { Enabled: opt(m, "ControlPlaneLogEnabled", false), Project: opt(m, "ControlPlaneLogProject", "") },
    ExtraConfiguration: {
      CRAggregationConfiguration: { Enabled: opt(m, "CRAggregationEnabled", false) },
      IstioCRHistory: { EnableHistory: opt(m, "EnableCRHistory", false) },
      MultiBuffer: { Enabled: opt(m, "MultiBufferEnabled", true), PollDelay: opt(m, "MultiBufferPollDelay", "30s") },
    },
  };
}

function sidecarInjector(m: MeshView): Record<string, unknown> {
  return {
    EnableNamespacesByDefault: opt(m, "EnableNamespacesByDefault", false),
    AutoInjectionPolicyEnabled: opt(m, "AutoInjectionPolicyEnabled", false),
    RequestCPU: opt(m, "SidecarInjectorRequestCPU", ""), RequestMemory: opt(m, "SidecarInjectorRequestMemory", ""),
    LimitCPU: opt(m, "SidecarInjectorLimitCPU", ""), LimitMemory: opt(m, "SidecarInjectorLimitMemory", ""),
    InitCNIConfiguration: { Enabled: opt(m, "CniEnabled", false), ExcludeNamespaces: opt(m, "CniExcludeNamespaces", "") },
  };
}

function proxyConfig(m: MeshView): Record<string, unknown> {
  return {
    RequestCPU: opt(m, "ProxyRequestCPU", "100m"), RequestMemory: opt(m, "ProxyRequestMemory", "128Mi"),
    LimitCPU: opt(m, "ProxyLimitCPU", "2000m"), LimitMemory: opt(m, "ProxyLimitMemory", "1024Mi"),
    ClusterDomain: opt(m, "ClusterDomain", "cluster.local"), EnableDNSProxying: opt(m, "DNSProxyingEnabled", false),
    AccessLogFile: opt(m, "AccessLogFile", ""), AccessLogFormat: opt(m, "AccessLogFormat", ""),
    AccessLogServiceEnabled: opt(m, "AccessLogServiceEnabled", false),
    AccessLogServiceHost: opt(m, "AccessLogServiceHost", ""), AccessLogServicePort: opt(m, "AccessLogServicePort", 0),
  };
}

function failover(m: MeshView): unknown {
  const conf = m.options.LocalityLBConf;
  if (typeof conf !== "string") return [];
  const parsed = JSON.parse(conf) as { failover?: unknown };
  return parsed.failover ?? [];
}

export function meshSpec(m: MeshView): Record<string, unknown> {
  return {
    Network: { VpcId: m.vpcId, SecurityGroupId: `sg-emu-${m.id.slice(1, 9)}`, VSwitches: [...m.vSwitches] },
    LoadBalancer: {
      ApiServerPublicEip: opt(m, "ApiServerPublicEip", false), ApiServerLoadbalancerId: `lb-emu-api-${m.id.slice(1, 9)}`,
      PilotPublicEip: false, PilotPublicLoadbalancerId: "",
    },
    MeshConfig: meshConfig(m),
  };
}

/** Addresses are placeholders (nothing listens there); a public one exists only with ApiServerPublicEip. */
export function meshEndpoints(m: MeshView): Record<string, unknown> {
  const octet = parseInt(m.id.slice(1, 3), 16) % 250 + 2;
  return {
    IntranetApiServerEndpoint: `https://192.168.0.${octet}:6443`,
    PublicApiServerEndpoint: opt(m, "ApiServerPublicEip", false) === true ? `https://47.96.0.${octet}:6443` : "",
    IntranetPilotEndpoint: `192.168.1.${octet}`, PublicPilotEndpoint: "",
  };
}

export function meshDetail(m: MeshView): Record<string, unknown> {
  return {
    ServiceMeshInfo: meshInfo(m), Clusters: [...m.clusters], ClusterSpec: m.clusterSpec, OwnerType: "", OwnerId: "",
    Endpoints: meshEndpoints(m), Spec: meshSpec(m),
  };
}
