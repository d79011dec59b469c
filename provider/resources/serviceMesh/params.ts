// ServiceMesh: the declarative table of every CreateServiceMesh parameter (research/asm-api.md §1.1,
// seeds 003/004), one row each: the camelCase input path, the wire name, the field spec, how it is
// changed after create, and where DescribeServiceMeshDetail reports it (for drift).
//   mode "feature":         updated in place through UpdateMeshFeature
//   mode "controlPlaneLog": updated in place through UpdateControlPlaneLogConfig (wire name `updateWire`)
//   mode "create":          create-only; a change replaces the mesh (docs/resources/serviceMesh.md lists them)
// The schema spec, the create request, the update request and drift detection all derive from it.
import { f, Field } from "../../schema";

export interface MeshParam {
  path: string;
  wire: string;
  field: Field;
  mode: "feature" | "controlPlaneLog" | "create";
  /** The parameter's name in its update call, where it differs from the create parameter's. */
  updateWire?: string;
  /** Dotted path under DescribeServiceMeshDetail's `ServiceMesh`, when the API reports the value. */
  read?: string;
}

const SLB = ["slb.s1.small", "slb.s2.small", "slb.s2.medium", "slb.s3.small", "slb.s3.medium", "slb.s3.large"];
const quantity = (hint: string) => f.string({ pattern: /^\d+(\.\d+)?(m|Mi|Gi|Ki)?$/, patternHint: `a Kubernetes quantity such as ${hint}` });
// Each list item is checked in full (octets 0-255, prefix 0-32, ports 1-65535): a typo such as
// 10.0.0.0/33 must fail at preview, not deep inside the mesh's sidecar injector.
const OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const CIDR = `${OCTET}(\\.${OCTET}){3}/(3[0-2]|[12]?\\d)`;
const PORT = "(6553[0-5]|655[0-2]\\d|65[0-4]\\d\\d|6[0-4]\\d{3}|[1-5]\\d{4}|[1-9]\\d{0,3})";
const listOf = (item: string) => new RegExp(`^\\s*(${item}(\\s*,\\s*${item})*)?\\s*$`);
const cidrs = f.string({ pattern: new RegExp(`^\\s*\\*\\s*$|${listOf(CIDR).source}`), patternHint: 'comma-separated IPv4 CIDRs such as "10.0.0.0/8,192.168.0.0/16", or "*"', allowEmpty: true });
const ports = f.string({ pattern: listOf(PORT), patternHint: 'comma-separated ports (1-65535) such as "80,81"', allowEmpty: true });
const json = (what: string) => f.string({ pattern: /^\s*[[{]/, patternHint: `a JSON ${what}` });
const MC = "Spec.MeshConfig";

const row = (path: string, wire: string, field: Field, mode: MeshParam["mode"], read?: string): MeshParam => ({ path, wire, field, mode, read });
const feat = (path: string, wire: string, field: Field, read?: string) => row(path, wire, field, "feature", read);
const once = (path: string, wire: string, field: Field, read?: string) => row(path, wire, field, "create", read);

export const MESH_PARAMS: readonly MeshParam[] = [
  // Default → Pro is an in-place upgrade (UpgradeMeshEditionPartially SwitchToPro); there is no way back.
  once("edition", "Edition", f.enumOf(["Default", "Pro"], { inPlaceWhen: (before, after) => (before ?? "Default") === "Default" && after === "Pro" }), "ServiceMeshInfo.Profile"),
  feat("clusterSpec", "ClusterSpec", f.enumOf(["standard", "enterprise", "ultimate"]), "ClusterSpec"),
  once("billing.chargeType", "ChargeType", f.enumOf(["PayOnDemand", "PrePay"])),
  once("billing.period", "Period", f.int({ min: 1, max: 36 })),
  once("billing.autoRenew", "AutoRenew", f.bool()),
  once("billing.autoRenewPeriod", "AutoRenewPeriod", f.int({ min: 1, max: 36 })),
  once("loadBalancer.apiServerPublicEip", "ApiServerPublicEip", f.bool(), "Spec.LoadBalancer.ApiServerPublicEip"),
  once("loadBalancer.apiServerSpec", "ApiServerLoadBalancerSpec", f.enumOf(SLB)),
  once("loadBalancer.pilotSpec", "PilotLoadBalancerSpec", f.enumOf(SLB)),
  feat("tracing.enabled", "Tracing", f.bool(), `${MC}.Tracing`),
  feat("tracing.sampling", "TraceSampling", f.number({ min: 0, max: 100 }), `${MC}.Pilot.TraceSampling`),
  feat("tracing.customizedZipkin", "CustomizedZipkin", f.bool(), `${MC}.CustomizedZipkin`),
  feat("localityLoadBalancing.enabled", "LocalityLoadBalancing", f.bool(), `${MC}.EnableLocalityLB`),
  feat("localityLoadBalancing.config", "LocalityLBConf", json('object such as {"failover":[{"from":"cn-hangzhou","to":"cn-shanghai"}]}')),
  feat("prometheus.enabled", "Telemetry", f.bool(), `${MC}.Telemetry`),
  feat("prometheus.external", "CustomizedPrometheus", f.bool(), `${MC}.Prometheus.UseExternal`),
  feat("prometheus.url", "PrometheusUrl", f.string({ pattern: /^https?:\/\//, patternHint: "an http(s) URL" }), `${MC}.Prometheus.ExternalUrl`),
  feat("kiali.enabled", "KialiEnabled", f.bool(), `${MC}.Kiali.Enabled`),
  feat("opa.enabled", "OpaEnabled", f.bool(), `${MC}.OPA.Enabled`),
  feat("opa.openAgentPolicy", "OpenAgentPolicy", f.bool()),
  feat("opa.logLevel", "OPALogLevel", f.enumOf(["info", "debug", "error"]), `${MC}.OPA.LogLevel`),
  feat("opa.requestCpu", "OPARequestCPU", quantity('"1" or "500m"'), `${MC}.OPA.RequestCPU`),
  feat("opa.requestMemory", "OPARequestMemory", quantity('"512Mi"'), `${MC}.OPA.RequestMemory`),
  feat("opa.limitCpu", "OPALimitCPU", quantity('"2"'), `${MC}.OPA.LimitCPU`),
  feat("opa.limitMemory", "OPALimitMemory", quantity('"1024Mi"'), `${MC}.OPA.LimitMemory`),
  feat("audit.enabled", "EnableAudit", f.bool(), `${MC}.Audit.Enabled`),
  feat("audit.project", "AuditProject", f.string(), `${MC}.Audit.Project`),
  feat("proxy.requestCpu", "ProxyRequestCPU", quantity('"100m"'), `${MC}.Proxy.RequestCPU`),
  feat("proxy.requestMemory", "ProxyRequestMemory", quantity('"128Mi"'), `${MC}.Proxy.RequestMemory`),
  feat("proxy.limitCpu", "ProxyLimitCPU", quantity('"2000m"'), `${MC}.Proxy.LimitCPU`),
  feat("proxy.limitMemory", "ProxyLimitMemory", quantity('"1024Mi"'), `${MC}.Proxy.LimitMemory`),
  once("proxy.clusterDomain", "ClusterDomain", f.string({ pattern: /^[a-z0-9.-]+$/, patternHint: 'a DNS domain such as "cluster.local"' }), `${MC}.Proxy.ClusterDomain`),
  feat("proxy.dnsProxying", "DNSProxyingEnabled", f.bool(), `${MC}.Proxy.EnableDNSProxying`),
  feat("sidecar.includeIpRanges", "IncludeIPRanges", cidrs, `${MC}.IncludeIPRanges`),
  feat("sidecar.excludeIpRanges", "ExcludeIPRanges", cidrs, `${MC}.ExcludeIPRanges`),
  feat("sidecar.excludeOutboundPorts", "ExcludeOutboundPorts", ports, `${MC}.ExcludeOutboundPorts`),
  feat("sidecar.excludeInboundPorts", "ExcludeInboundPorts", ports, `${MC}.ExcludeInboundPorts`),
  feat("accessLog.enabled", "AccessLogEnabled", f.bool(), `${MC}.AccessLog.Enabled`),
  feat("accessLog.file", "AccessLogFile", f.string({ allowEmpty: true }), `${MC}.Proxy.AccessLogFile`),
  feat("accessLog.format", "AccessLogFormat", json("object mapping field names to Envoy format strings"), `${MC}.Proxy.AccessLogFormat`),
  feat("accessLog.project", "AccessLogProject", f.string(), `${MC}.AccessLog.Project`),
  feat("accessLog.serviceEnabled", "AccessLogServiceEnabled", f.bool(), `${MC}.Proxy.AccessLogServiceEnabled`),
  feat("accessLog.serviceHost", "AccessLogServiceHost", f.string(), `${MC}.Proxy.AccessLogServiceHost`),
  feat("accessLog.servicePort", "AccessLogServicePort", f.int({ min: 1, max: 65535 }), `${MC}.Proxy.AccessLogServicePort`),
  { ...row("controlPlaneLog.enabled", "ControlPlaneLogEnabled", f.bool(), "controlPlaneLog", `${MC}.ControlPlaneLogInfo.Enabled`), updateWire: "Enabled" },
  { ...row("controlPlaneLog.project", "ControlPlaneLogProject", f.string(), "controlPlaneLog", `${MC}.ControlPlaneLogInfo.Project`), updateWire: "Project" },
  feat("filters.redis", "RedisFilterEnabled", f.bool(), `${MC}.ProtocolSupport.RedisFilterEnabled`),
  feat("filters.mysql", "MysqlFilterEnabled", f.bool(), `${MC}.ProtocolSupport.MysqlFilterEnabled`),
  feat("filters.thrift", "ThriftFilterEnabled", f.bool(), `${MC}.ProtocolSupport.ThriftFilterEnabled`),
  feat("filters.webAssembly", "WebAssemblyFilterEnabled", f.bool(), `${MC}.WebAssemblyFilterDeployment.Enabled`),
  feat("filters.dubbo", "DubboFilterEnabled", f.bool(), `${MC}.ProtocolSupport.DubboFilterEnabled`),
  feat("mse.enabled", "MSEEnabled", f.bool(), `${MC}.MSE.Enabled`),
  feat("configSource.enabled", "ConfigSourceEnabled", f.bool(), `${MC}.Pilot.ConfigSource.Enabled`),
  feat("configSource.nacosId", "ConfigSourceNacosID", f.string(), `${MC}.Pilot.ConfigSource.NacosID`),
  feat("features.filterGatewayClusterConfig", "FilterGatewayClusterConfig", f.bool()),
  feat("features.sdsServer", "EnableSDSServer", f.bool()),
  feat("features.gatewayApi", "GatewayAPIEnabled", f.bool()),
  feat("features.crHistory", "EnableCRHistory", f.bool(), `${MC}.ExtraConfiguration.IstioCRHistory.EnableHistory`),
  feat("features.crAggregation", "CRAggregationEnabled", f.bool(), `${MC}.ExtraConfiguration.CRAggregationConfiguration.Enabled`),
  once("features.ambient", "EnableAmbient", f.bool()),
  once("features.acmg", "EnableACMG", f.bool()),
  once("features.globalRateLimit", "GlobalRateLimitEnabled", f.bool()),
  once("features.playgroundScene", "PlaygroundScene", f.enumOf(["ewmaLb"])),
  feat("multiBuffer.enabled", "MultiBufferEnabled", f.bool(), `${MC}.ExtraConfiguration.MultiBuffer.Enabled`),
  feat("multiBuffer.pollDelay", "MultiBufferPollDelay", f.string({ pattern: /^\d+(ms|s|m)$/, patternHint: 'a duration such as "30s"' }), `${MC}.ExtraConfiguration.MultiBuffer.PollDelay`),
  once("ca.useExisting", "UseExistingCA", f.bool()),
  feat("ca.cert", "ExistingCaCert", f.string()),
  feat("ca.key", "ExistingCaKey", f.string({ secret: true })),
  feat("ca.rootCert", "ExistingRootCaCert", f.string()),
  feat("ca.certChain", "CertChain", f.string()),
  once("ca.type", "ExistingCaType", f.enumOf(["1", "2"])),
  once("ca.rootKey", "ExistingRootCaKey", f.string({ secret: true })),
  once("guestClusterId", "GuestCluster", f.string({ pattern: /^c[0-9a-z]+$/, patternHint: "an ACK cluster id (c...)" })),
];
