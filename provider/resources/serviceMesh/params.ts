// ServiceMesh: the declarative table of every CreateServiceMesh parameter (research/asm-api.md §1.1,
// seeds 003/004), one row each: the camelCase input path, the wire name, the description, the field
// spec, how it is changed after create, and where DescribeServiceMeshDetail reports it (for drift).
//   mode "feature":         updated in place through UpdateMeshFeature
//   mode "controlPlaneLog": updated in place through UpdateControlPlaneLogConfig (wire name `updateWire`)
//   mode "create":          create-only; a change replaces the mesh (docs/resources/serviceMesh.md lists them)
//   mode "retired":         the API has no such parameter: accepted so programs that set it keep working, never
//                           sent nor read, a change is no change, and check warns (docs: "Retired inputs")
// Each row becomes a field of the kind's table (description.ts) carrying its wire name and read-back path,
// so the schema engine's check, diff, toWire and fromWire serve the mesh as they serve every kind; the
// update calls take the rows' modes.
import { f, Field } from "../../schema";

/** A row the API is sent. */
export interface SentMeshParam {
  path: string;
  field: Field & { wire: string };
  mode: "feature" | "controlPlaneLog" | "create";
  /** The parameter's name in its update call, where it differs from the create parameter's. */
  updateWire?: string;
}

/** A row the API has no parameter for; `apiName` is the one the API reference documented. */
export interface RetiredMeshParam {
  path: string;
  field: Field;
  mode: "retired";
  apiName: string;
}

export type MeshParam = SentMeshParam | RetiredMeshParam;

// Generic, so filtering MESH_PARAMS keeps each row's literal type.
export const isSent = <P extends MeshParam>(p: P): p is Exclude<P, { mode: "retired" }> => p.mode !== "retired";

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
const json = (what: string) => f.string({ pattern: /^\s*[[{]/, patternHint: `a JSON ${what}`, jsonText: true });
const MC = "Spec.MeshConfig";

// Each row keeps its path and field spec as literal types: the resource class's argument type is derived from them.
// `read`: the dotted path in DescribeServiceMeshDetail's ServiceMesh where the API reports the value (several: the first reported).
type ReadAt = string | readonly string[];
const row = <const P extends string, const W extends string, const F extends Field>(path: P, wire: W, description: string, field: F, mode: SentMeshParam["mode"], read?: ReadAt) =>
  ({ path, field: { ...field, description, wire, readBack: read ?? false }, mode });
const feat = <const P extends string, const W extends string, const F extends Field>(path: P, wire: W, description: string, field: F, read?: ReadAt) => row(path, wire, description, field, "feature", read);
const once = <const P extends string, const W extends string, const F extends Field>(path: P, wire: W, description: string, field: F, read?: ReadAt) =>
  row(path, wire, description, { ...field, createOnly: true } as const, "create", read);
// No wire name, so nothing is sent; createTimeOnly, so a change (a mesh created with it, a program that drops
// it) neither updates nor replaces a mesh that never received it.
const retired = <const P extends string, const F extends Field>(path: P, apiName: string, description: string, field: F) =>
  ({ path, field: { ...field, description, readBack: false, createTimeOnly: true } as const, mode: "retired" as const, apiName });

export const MESH_PARAMS = [
  // Default → Pro is an in-place upgrade (UpgradeMeshEditionPartially SwitchToPro); there is no way back.
  once("edition", "Edition", "The edition of the ASM instance: Default (Standard Edition) or Pro (Professional Edition).", f.enumOf(["Default", "Pro"], { inPlaceWhen: (before, after) => (before ?? "Default") === "Default" && after === "Pro" }), "ServiceMeshInfo.Profile"),
  feat("clusterSpec", "ClusterSpec", "The specification of the ASM instance: standard (Standard Edition), enterprise (Enterprise Edition) or ultimate (Ultimate Edition).", f.enumOf(["standard", "enterprise", "ultimate"]), "ClusterSpec"),
  once("billing.chargeType", "ChargeType", "The billing method of the SLB instance: PayOnDemand (pay-as-you-go) or PrePay (subscription).", f.enumOf(["PayOnDemand", "PrePay"])),
  once("billing.period", "Period", "The subscription duration of the SLB instance in months (12 for one year), used only with chargeType PrePay.", f.int({ min: 1, max: 36 })),
  once("billing.autoRenew", "AutoRenew", "Whether to enable auto-renewal for the subscription SLB instance.", f.bool()),
  once("billing.autoRenewPeriod", "AutoRenewPeriod", "The auto-renewal period with chargeType PrePay, in months if the subscription is under one year and in years otherwise.", f.int({ min: 1, max: 36 })),
  once("loadBalancer.apiServerPublicEip", "ApiServerPublicEip", "Whether to expose the API server to the Internet (default false).", f.bool(), "Spec.LoadBalancer.ApiServerPublicEip"),
  once("loadBalancer.apiServerSpec", "ApiServerLoadBalancerSpec", "The SLB instance specification for the API server: slb.s1.small, slb.s2.small, slb.s2.medium, slb.s3.small, slb.s3.medium or slb.s3.large.", f.enumOf(SLB)),
  once("loadBalancer.pilotSpec", "PilotLoadBalancerSpec", "The SLB instance specification for Istio Pilot: slb.s1.small, slb.s2.small, slb.s2.medium, slb.s3.small, slb.s3.medium or slb.s3.large.", f.enumOf(SLB)),
  feat("tracing.enabled", "Tracing", "Whether to enable tracing through Tracing Analysis, which must be activated first (default false).", f.bool(), `${MC}.Tracing`),
  feat("tracing.sampling", "TraceSampling", "The percentage of requests traced, from 0 to 100.", f.number({ min: 0, max: 100 }), `${MC}.Pilot.TraceSampling`),
  feat("tracing.customizedZipkin", "CustomizedZipkin", "Whether to send tracing data to a self-managed Zipkin system instead of Alibaba Cloud Tracing Analysis (default false).", f.bool(), `${MC}.CustomizedZipkin`),
  feat("localityLoadBalancing.enabled", "LocalityLoadBalancing", "Whether to enable locality load balancing, which routes traffic to the nearest instance (default false).", f.bool(), `${MC}.EnableLocalityLB`),
  feat("localityLoadBalancing.config", "LocalityLBConf", "The locality load balancing configuration as JSON, with failover (from and to regions) or distribute (per-region weights) entries.", json('object such as {"failover":[{"from":"cn-hangzhou","to":"cn-shanghai"}]}'),
    // The API reports the configuration under the field its own key names.
    [`${MC}.LocalityLB.Failover`, `${MC}.LocalityLB.Distribute`]),
  feat("prometheus.enabled", "Telemetry", "Whether to enable Prometheus monitoring; Managed Service for Prometheus is recommended (default false).", f.bool(), `${MC}.Telemetry`),
  feat("prometheus.external", "CustomizedPrometheus", "Whether to use a self-managed Prometheus system (default false).", f.bool(), `${MC}.Prometheus.UseExternal`),
  feat("prometheus.url", "PrometheusUrl", "The endpoint of the self-managed Prometheus system, such as http://prometheus:9090.", f.string({ pattern: /^https?:\/\//, patternHint: "an http(s) URL" }), `${MC}.Prometheus.ExternalUrl`),
  feat("kiali.enabled", "KialiEnabled", "Whether to enable the mesh topology feature (Kiali), which needs Prometheus monitoring enabled (default false).", f.bool(), `${MC}.Kiali.Enabled`),
  feat("opa.enabled", "OpaEnabled", "Whether to enable the Open Policy Agent (OPA) plug-in (default false).", f.bool(), `${MC}.OPA.Enabled`),
  feat("opa.openAgentPolicy", "OpenAgentPolicy", "Whether to install and integrate with the Open Policy Agent (OPA) plug-in (default false).", f.bool()),
  feat("opa.logLevel", "OPALogLevel", "The log level of the OPA proxy container: info (all information), debug (debugging and error information) or error (errors only).", f.enumOf(["info", "debug", "error"]), `${MC}.OPA.LogLevel`),
  feat("opa.requestCpu", "OPARequestCPU", "The CPU request of the OPA proxy container, as a Kubernetes quantity such as 1 (one vCPU) or 500m.", quantity('"1" or "500m"'), `${MC}.OPA.RequestCPU`),
  feat("opa.requestMemory", "OPARequestMemory", "The memory request of the OPA proxy container, as a Kubernetes quantity such as 512Mi.", quantity('"512Mi"'), `${MC}.OPA.RequestMemory`),
  feat("opa.limitCpu", "OPALimitCPU", "The CPU limit of the OPA proxy container, as a Kubernetes quantity such as 2.", quantity('"2"'), `${MC}.OPA.LimitCPU`),
  feat("opa.limitMemory", "OPALimitMemory", "The memory limit of the OPA proxy container, as a Kubernetes quantity such as 1024Mi.", quantity('"1024Mi"'), `${MC}.OPA.LimitMemory`),
  feat("audit.enabled", "EnableAudit", "Whether to enable mesh audit; Simple Log Service must be activated first (default false).", f.bool(), `${MC}.Audit.Enabled`),
  feat("audit.project", "AuditProject", "The Simple Log Service project used for mesh audit (default mesh-log-{meshId}).", f.string(), `${MC}.Audit.Project`),
  feat("proxy.requestCpu", "ProxyRequestCPU", "The CPU request of the sidecar proxy container, as a Kubernetes quantity such as 100m.", quantity('"100m"'), `${MC}.Proxy.RequestCPU`),
  feat("proxy.requestMemory", "ProxyRequestMemory", "The memory request of the sidecar proxy container, as a Kubernetes quantity such as 128Mi.", quantity('"128Mi"'), `${MC}.Proxy.RequestMemory`),
  feat("proxy.limitCpu", "ProxyLimitCPU", "The CPU limit of the sidecar proxy container, as a Kubernetes quantity such as 2000m.", quantity('"2000m"'), `${MC}.Proxy.LimitCPU`),
  feat("proxy.limitMemory", "ProxyLimitMemory", "The memory limit of the sidecar proxy container, as a Kubernetes quantity such as 1024Mi.", quantity('"1024Mi"'), `${MC}.Proxy.LimitMemory`),
  once("proxy.clusterDomain", "ClusterDomain", "The cluster domain of the mesh, such as cluster.local.", f.string({ pattern: /^[a-z0-9.-]+$/, patternHint: 'a DNS domain such as "cluster.local"' }), `${MC}.Proxy.ClusterDomain`),
  feat("proxy.dnsProxying", "DNSProxyingEnabled", "Whether to enable the DNS proxy feature (default false).", f.bool(), `${MC}.Proxy.EnableDNSProxying`),
  feat("sidecar.includeIpRanges", "IncludeIPRanges", "The IP address ranges whose traffic goes through the sidecar proxy, as comma-separated CIDRs or '*' for all.", cidrs, `${MC}.IncludeIPRanges`),
  feat("sidecar.excludeIpRanges", "ExcludeIPRanges", "The IP address ranges whose traffic does not go through the sidecar proxy, as comma-separated CIDRs.", cidrs, `${MC}.ExcludeIPRanges`),
  feat("sidecar.excludeOutboundPorts", "ExcludeOutboundPorts", "A comma-separated list of outbound ports excluded from the sidecar proxy, such as 80,81.", ports, `${MC}.ExcludeOutboundPorts`),
  feat("sidecar.excludeInboundPorts", "ExcludeInboundPorts", "A comma-separated list of inbound ports excluded from the sidecar proxy, such as 80,81.", ports, `${MC}.ExcludeInboundPorts`),
  feat("accessLog.enabled", "AccessLogEnabled", "Whether to enable access log collection (default false).", f.bool(), `${MC}.AccessLog.Enabled`),
  feat("accessLog.file", "AccessLogFile", "Where access logs are written: /dev/stdout enables access logging and an empty string disables it.", f.string({ allowEmpty: true }), `${MC}.Proxy.AccessLogFile`),
  feat("accessLog.format", "AccessLogFormat", "The custom access log format, a JSON object with keys such as method, path and response_code; needs access logging enabled.", json("object mapping field names to Envoy format strings"), `${MC}.Proxy.AccessLogFormat`),
  feat("accessLog.project", "AccessLogProject", "The Simple Log Service project that collects the access logs.", f.string(), `${MC}.AccessLog.Project`),
  feat("accessLog.serviceEnabled", "AccessLogServiceEnabled", "Whether to enable the gRPC Access Log Service (ALS) for Envoy (default false).", f.bool(), `${MC}.Proxy.AccessLogServiceEnabled`),
  feat("accessLog.serviceHost", "AccessLogServiceHost", "The endpoint of the gRPC Access Log Service for Envoy, such as 0.0.0.0.", f.string(), `${MC}.Proxy.AccessLogServiceHost`),
  feat("accessLog.servicePort", "AccessLogServicePort", "The port of the gRPC Access Log Service for Envoy, from 1 to 65535.", f.int({ min: 1, max: 65535 }), `${MC}.Proxy.AccessLogServicePort`),
  { ...row("controlPlaneLog.enabled", "ControlPlaneLogEnabled", "Whether to enable control plane log collection (default false).", f.bool(), "controlPlaneLog", `${MC}.ControlPlaneLogInfo.Enabled`), updateWire: "Enabled" as string | undefined },
  { ...row("controlPlaneLog.project", "ControlPlaneLogProject", "The Simple Log Service project that collects the control plane logs.", f.string(), "controlPlaneLog", `${MC}.ControlPlaneLogInfo.Project`), updateWire: "Project" as string | undefined },
  feat("filters.redis", "RedisFilterEnabled", "Whether to enable the Redis filter (default false).", f.bool(), `${MC}.ProtocolSupport.RedisFilterEnabled`),
  feat("filters.mysql", "MysqlFilterEnabled", "Whether to enable the MySQL filter (default false).", f.bool(), `${MC}.ProtocolSupport.MysqlFilterEnabled`),
  feat("filters.thrift", "ThriftFilterEnabled", "Whether to enable the Thrift filter (default false).", f.bool(), `${MC}.ProtocolSupport.ThriftFilterEnabled`),
  feat("filters.webAssembly", "WebAssemblyFilterEnabled", "Whether to enable the WebAssembly filter (default false).", f.bool(), `${MC}.WebAssemblyFilterDeployment.Enabled`),
  feat("filters.dubbo", "DubboFilterEnabled", "Whether to enable the Dubbo filter (default false).", f.bool(), `${MC}.ProtocolSupport.DubboFilterEnabled`),
  feat("mse.enabled", "MSEEnabled", "Whether to enable Microservices Engine (MSE) (default false).", f.bool(), `${MC}.MSE.Enabled`),
  feat("configSource.enabled", "ConfigSourceEnabled", "Whether to enable an external service registry (default false).", f.bool(), `${MC}.Pilot.ConfigSource.Enabled`),
  feat("configSource.nacosId", "ConfigSourceNacosID", "The instance ID of the Nacos registry used as the external service registry.", f.string(), `${MC}.Pilot.ConfigSource.NacosID`),
  feat("features.filterGatewayClusterConfig", "FilterGatewayClusterConfig", "Whether to enable gateway configuration filtering (default false).", f.bool(), `${MC}.Pilot.Feature.FilterGatewayClusterConfig`),
  feat("features.sdsServer", "EnableSDSServer", "Whether to enable the Secret Discovery Service (SDS) (default false).", f.bool(), `${MC}.Pilot.Feature.EnableSDSServer`),
  feat("features.gatewayApi", "GatewayAPIEnabled", "Whether to enable the Gateway API (default false).", f.bool(), `${MC}.K8sNewAPIsSupport.GatewayAPIEnabled`),
  feat("features.crHistory", "EnableCRHistory", "Whether to keep history versions of Istio resources so that they can be rolled back (default false).", f.bool(), `${MC}.ExtraConfiguration.IstioCRHistory.EnableHistory`),
  feat("features.crAggregation", "CRAggregationEnabled", "Whether data plane clusters can access Istio resources through the Kubernetes API; needs ASM v1.9.7.93 or later (default false).", f.bool(), `${MC}.ExtraConfiguration.CRAggregationConfiguration.Enabled`),
  once("features.ambient", "EnableAmbient", "Whether to enable the Ambient Mesh mode for the Service Mesh instance.", f.bool()),
  once("features.acmg", "EnableACMG", "Whether to enable the ACMG mode.", f.bool()),
  // The API reference (seed 003) documents GlobalRateLimitEnabled on CreateServiceMesh and UpdateMeshFeature, but
  // the official SDK (emulator/contract/) has it on neither, nor did any earlier SDK commit.
  retired("features.globalRateLimit", "GlobalRateLimitEnabled", "Retired: has no effect and is not sent, because the ASM API has no GlobalRateLimitEnabled parameter; it was whether to enable throttling based on Application High Availability Service (AHAS).", f.bool()),
  once("features.playgroundScene", "PlaygroundScene", "The playground scenario, which creates an ASM playground instance; the only value is ewmaLb (EWMA load balancing).", f.enumOf(["ewmaLb"]), `${MC}.ExtraConfiguration.Playground.Scene`),
  feat("multiBuffer.enabled", "MultiBufferEnabled", "Whether to enable MultiBuffer-based TLS performance acceleration (default true).", f.bool(), `${MC}.ExtraConfiguration.MultiBuffer.Enabled`),
  feat("multiBuffer.pollDelay", "MultiBufferPollDelay", "How often the MultiBuffer enabling status is synchronized, as a duration such as 30s (default 30s).", f.string({ pattern: /^\d+(ms|s|m)$/, patternHint: 'a duration such as "30s"' }), `${MC}.ExtraConfiguration.MultiBuffer.PollDelay`),
  once("ca.useExisting", "UseExistingCA", "Whether to use an existing certificate authority (CA) certificate and private key.", f.bool()),
  feat("ca.cert", "ExistingCaCert", "The Base64-encoded CA certificate, such as ca-cert.pem of the istio-ca-secret secret in istio-system of a self-managed Istio.", f.string()),
  feat("ca.key", "ExistingCaKey", "The Base64-encoded CA private key, such as ca-key.pem of the istio-ca-secret secret in istio-system of a self-managed Istio.", f.string({ secret: true })),
  feat("ca.rootCert", "ExistingRootCaCert", "The Base64-encoded existing root certificate.", f.string()),
  feat("ca.certChain", "CertChain", "The Base64-encoded PEM certificate chain from the CA certificate to the root certificate, with at least two certificates.", f.string()),
  once("ca.type", "ExistingCaType", "The existing CA type, deprecated by the API: 1 for Istiod's self-signed CA (istio-ca-secret), 2 for a plug-in CA (cacerts).", f.enumOf(["1", "2"])),
  once("ca.rootKey", "ExistingRootCaKey", "The Base64-encoded private key of the existing root certificate (deprecated by the API).", f.string({ secret: true })),
  once("guestClusterId", "GuestCluster", "The ID of an ACK cluster to add at creation; it must be in the mesh's VPC and vSwitch and have the same domain name.", f.string({ pattern: /^c[0-9a-z]+$/, patternHint: "an ACK cluster id (c...)" })),
] as const satisfies readonly MeshParam[];

export const RETIRED_MESH_PARAMS: readonly RetiredMeshParam[] = MESH_PARAMS.filter((p): p is Extract<(typeof MESH_PARAMS)[number], { mode: "retired" }> => p.mode === "retired");

/** What each group of rows is, for the schema and the docs. */
export const MESH_GROUPS = {
  billing: { description: "Billing settings of the SLB instances the mesh creates." },
  loadBalancer: { description: "Settings of the SLB instances bound to the API server and to Istio Pilot of the control plane." },
  tracing: { description: "Distributed tracing settings." },
  localityLoadBalancing: { description: "Locality load balancing settings, which route traffic to the nearest instance or across regions." },
  prometheus: { description: "Prometheus monitoring settings." },
  kiali: { description: "Mesh topology (Kiali) settings." },
  opa: { description: "Open Policy Agent (OPA) settings." },
  audit: { description: "Mesh audit settings, which use Simple Log Service." },
  proxy: { description: "Settings of the sidecar proxy container: resources, cluster domain and DNS proxying." },
  sidecar: { description: "Which IP ranges and ports the sidecar proxy handles or bypasses." },
  accessLog: { description: "Access log settings: collection to Simple Log Service, the log file and format, and the Envoy gRPC Access Log Service." },
  controlPlaneLog: { description: "Control plane log collection settings, which use Simple Log Service." },
  filters: { description: "Protocol filters to enable in the mesh: Redis, MySQL, Thrift, WebAssembly and Dubbo." },
  mse: { description: "Microservices Engine (MSE) settings." },
  configSource: { description: "External service registry (Nacos) settings." },
  features: { description: "Optional mesh features: gateway configuration filtering, SDS, Gateway API, Istio resource history and aggregation, Ambient and more." },
  multiBuffer: { description: "MultiBuffer-based TLS acceleration settings." },
  ca: { description: "An existing certificate authority (CA) for the mesh, typically used to migrate a self-managed Istio cluster to ASM." },
} as const;
