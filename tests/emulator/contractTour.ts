// A tour of every action the emulator serves, over a mesh with two clusters, a gateway, secrets, routes,
// tags and an upgrade, recording each response: the contract test checks every recorded body against
// the SDK's response tree, and the field coverage figures come from the same run.
import type { EmulatorHandle } from "../../emulator";
import { OPERATIONS } from "../../emulator/operations/registry";
import { ISTIO_VERSIONS } from "../../emulator/operations/versions";
import type { AsmTestClient } from "./client";
import { gatewayBody, PRIMARY, readUntil, SECONDARY, selfSigned } from "./fixtures";

export type Recorded = Map<string, Record<string, unknown>[]>;

const route = (name: string): Record<string, unknown> => ({
  RouteName: name, RouteType: "HTTP", Namespace: "default", Domains: ["shop.example.com"],
  MatchRequest: {
    URI: { MatchingMode: "prefix", MatchingContent: "/reviews" },
    Headers: [{ Name: "x-canary", MatchingMode: "exact", MatchingContent: "yes" }],
    Ports: [80],
  },
  RouteDestinations: [
    { Weight: 80, Destination: { Host: "reviews.default.svc.cluster.local", Subset: "v1", Port: { Number: 9080 } } },
    { Weight: 20, Destination: { Host: "reviews.default.svc.cluster.local", Subset: "v2", Port: { Number: 9080 } } },
  ],
  HTTPAdvancedOptions: {
    Timeout: "5s",
    Retries: { Attempts: 3, PerTryTimeout: "2s", RetryOn: "5xx", RetryRemoteLocalities: { Value: true } },
    Mirror: { Host: "reviews-shadow.default.svc.cluster.local", Subset: "v1" }, MirrorPercentage: { Value: 10 },
    Rewrite: { Uri: "/v2/reviews", Authority: "reviews.internal" },
    Fault: { Delay: { Percentage: { Value: 10 }, FixedDelay: "1s" }, Abort: { Percentage: { Value: 5 }, HttpStatus: 503 } },
  },
});

/** One value for each UpdateMeshFeature parameter a read reports, so the detail shows every field it can. */
const EVERY_FEATURE: Record<string, unknown> = {
  OutboundTrafficPolicy: "REGISTRY_ONLY", Http10Enabled: true, EnableSDSServer: true, FilterGatewayClusterConfig: true,
  GatewayAPIEnabled: true, LocalityLoadBalancing: true, LocalityLBConf: JSON.stringify({ failover: [{ from: "cn-hangzhou", to: "cn-shanghai" }] }),
  AccessLogGatewayEnabled: true, AccessLogGatewayLifecycle: 7, AccessLogSidecarEnabled: true, AccessLogSidecarLifecycle: 14,
  EnableAutoDiagnosis: true, DiscoverySelectors: JSON.stringify([{ matchLabels: { "asm-discovery": "true" } }]),
  LabelsForOffloadedWorkloads: "name=offloaded", PilotEnableQuicListeners: true,
  Lifecycle: JSON.stringify({
    postStart: { exec: { command: ["pilot-agent", "wait"] }, httpGet: { host: "127.0.0.1", port: "15021", scheme: "HTTP", httpHeaders: [{ name: "x", value: "y" }] }, tcpSocket: { host: "127.0.0.1", port: "15020" } },
    preStop: { exec: { command: ["/bin/sh", "-c", "sleep 15"] }, httpGet: { host: "127.0.0.1", port: "15021", scheme: "HTTP", httpHeaders: [{ name: "x", value: "y" }] }, tcpSocket: { host: "127.0.0.1", port: "15020" } },
  }),
  NFDEnabled: true, NFDLabelPruned: true, OPAScopeInjected: true, ProxyInitCPUResourceLimit: "2000m", ProxyInitMemoryResourceLimit: "1024Mi",
  ProxyInitCPUResourceRequest: "10m", ProxyInitMemoryResourceRequest: "10Mi", TerminationDrainDuration: "10s",
  SidecarInjectorWebhookAsYaml: "objectSelector: {}", CRAggregationEnabled: true, EnableCRHistory: true,
};

const DISTRIBUTE = {
  distribute: [{ from: "cn-beijing", to: { "cn-beijing": 70, "cn-hangzhou": 30 } }],
  failoverPriority: ["topology.istio.io/network", "topology.kubernetes.io/region"],
};

/** Routes without destinations: one delegated, one redirected; and a TLS route matched by SNI. */
const OTHER_ROUTES: Record<string, unknown>[] = [
  {
    RouteName: "delegated", RouteType: "HTTP", Namespace: "default", Domains: ["shop.example.com"],
    MatchRequest: { URI: { MatchingMode: "prefix", MatchingContent: "/team" } },
    HTTPAdvancedOptions: { Delegate: { Name: "team-routes", Namespace: "team" } },
  },
  {
    RouteName: "moved", RouteType: "HTTP", Namespace: "default", Domains: ["shop.example.com"],
    MatchRequest: { URI: { MatchingMode: "exact", MatchingContent: "/old" } },
    HTTPAdvancedOptions: { HTTPRedirect: { Uri: "/new", Authority: "shop.example.com", RedirectCode: 301 } },
  },
  {
    RouteName: "passthrough", RouteType: "TLS", Namespace: "default", Domains: ["secure.example.com"],
    MatchRequest: { TLSMatchAttributes: [{ SNIHosts: ["secure.example.com"], TLSPort: 443 }] },
    RouteDestinations: [{ Weight: 100, Destination: { Host: "secure.default.svc.cluster.local", Port: { Number: 8443 } } }],
  },
];

/** Runs the tour and returns every response body by action; fails if an action of the registry was not called. */
export async function contractTour(emu: EmulatorHandle, client: AsmTestClient): Promise<Recorded> {
  const recorded: Recorded = new Map();
  const call = async (action: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> => {
    const body = await client.call(action, params);
    recorded.set(action, [...(recorded.get(action) ?? []), body]);
    return body;
  };
  emu.control.setProfile("instant");
  const tls = selfSigned("shop.example.com");

  await call("DescribeVersions");
  const { ServiceMeshId: id } = await call("CreateServiceMesh", {
    RegionId: "cn-hangzhou", VpcId: "vpc-emu-default", VSwitches: JSON.stringify(["vsw-emu-default"]), Name: "tour",
    Edition: "Pro", IstioVersion: ISTIO_VERSIONS[1], Tracing: true, TraceSampling: 50, Telemetry: true,
    EnableAudit: true, AccessLogEnabled: true, AccessLogProject: "tour-logs", ApiServerPublicEip: true,
    PlaygroundScene: "ewmaLb", Tag: [{ Key: "team", Value: "mesh" }],
  }) as { ServiceMeshId: string };
  await call("DescribeServiceMeshDetail", { ServiceMeshId: id });
  await readUntil(client, id, "running");
  for (const cluster of [PRIMARY, SECONDARY]) {
    await call("DescribeServiceMeshClusters", { ServiceMeshId: id });
    await call("AddClusterIntoServiceMesh", { ServiceMeshId: id, ClusterId: cluster });
    await readUntil(client, id, "running");
  }
  await call("UpdateMeshFeature", { ServiceMeshId: id, ...EVERY_FEATURE });
  await readUntil(client, id, "running");
  await call("DescribeServiceMeshDetail", { ServiceMeshId: id });
  // Failover and distribution exclude each other: the second configuration shows the other fields.
  await call("UpdateMeshFeature", { ServiceMeshId: id, LocalityLBConf: JSON.stringify(DISTRIBUTE) });
  await readUntil(client, id, "running");
  await call("DescribeServiceMeshDetail", { ServiceMeshId: id });
  await call("UpdateControlPlaneLogConfig", { ServiceMeshId: id, Enabled: true, Project: "tour-cp" });
  await readUntil(client, id, "running");
  await call("ModifyServiceMeshName", { ServiceMeshId: id, Name: "tour-renamed" });
  await call("TagResources", { RegionId: "cn-hangzhou", ResourceType: "servicemesh", ResourceId: [id], Tag: [{ Key: "env", Value: "test" }] });
  await call("ListTagResources", { RegionId: "cn-hangzhou", ResourceType: "servicemesh", ResourceId: [id] });
  await call("UntagResources", { RegionId: "cn-hangzhou", ResourceType: "servicemesh", ResourceId: [id], TagKey: ["env"] });
  await call("DescribeServiceMeshes");
  await call("DescribeClustersInServiceMesh", { ServiceMeshId: id });
  await call("DescribeServiceMeshKubeconfig", { ServiceMeshId: id });
  await call("UpdateKialiConfiguration", {
    ServiceMeshId: id, Enabled: true, AuthStrategy: "openid", IntegrateCLB: true,
    OpenIdConfig: JSON.stringify({ ClientId: "kiali", ClientSecret: "not-a-real-secret", IssuerUri: "https://issuer.example.com", Scopes: ["openid"] }),
    RAMOAuthConfig: JSON.stringify({ RedirectUris: "https://kiali.example.com/callback" }),
    ServerConfig: JSON.stringify({ WebFQDN: "kiali.example.com", WebPort: 443, WebRoot: "/kiali", WebSchema: "https" }),
  });
  await readUntil(client, id, "running");
  await call("DescribeKialiConfiguration", { ServiceMeshId: id });
  await call("DescribeASMSidecarExpectedVersion", { ServiceMeshId: id });

  await call("CreateASMGateway", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", Body: gatewayBody("ingressgateway", [PRIMARY, SECONDARY]) });
  await call("UpdateASMGateway", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", Body: gatewayBody("ingressgateway", [PRIMARY, SECONDARY], { replicaCount: 2 }) });
  await call("CreateGatewaySecret", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", SecretName: "shop-tls", Cert: tls.cert, Key: tls.key });
  await call("DescribeGatewaySecretDetails", { ServiceMeshId: id, IstioGatewayName: "ingressgateway" });
  await call("CreateIstioGatewayRoutes", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", GatewayRoute: JSON.stringify(route("reviews")), Priority: 1, Description: "tour" });
  await call("UpdateIstioGatewayRoutes", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", GatewayRoute: JSON.stringify(route("reviews")), Priority: 2 });
  await call("UpdateIstioRouteAdditionalStatus", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", RouteName: "reviews", Status: 0, Priority: 3, Description: "tour" });
  await call("DescribeIstioGatewayRoutes", { ServiceMeshId: id, IstioGatewayName: "ingressgateway" });
  await call("DescribeIstioGatewayRouteDetail", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", RouteName: "reviews" });
  for (const r of OTHER_ROUTES) {
    await call("CreateIstioGatewayRoutes", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", GatewayRoute: JSON.stringify(r) });
    await call("DescribeIstioGatewayRouteDetail", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", RouteName: r.RouteName });
  }
  await call("DeleteGatewayRoute", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", RouteName: "reviews" });
  await call("DeleteGatewaySecret", { ServiceMeshId: id, IstioGatewayName: "ingressgateway", SecretName: "shop-tls" });

  await call("DescribeUpgradeVersion", { ServiceMeshId: id });
  await call("UpgradeMeshVersion", { ServiceMeshId: id });
  await call("DescribeServiceMeshUpgradeStatus", { ServiceMeshId: id });
  await readUntil(client, id, "running");
  await call("UpgradeMeshEditionPartially", { ServiceMeshId: id, ExpectedVersion: ISTIO_VERSIONS[2] });
  await call("DescribeServiceMeshUpgradeStatus", { ServiceMeshId: id });
  await readUntil(client, id, "running");

  // A gateway must be gone before its clusters can leave; the Kubernetes API is how a client deletes it.
  emu.control.mutate.deleteGateway(id, "istio-system", "ingressgateway");
  await call("RemoveClusterFromServiceMesh", { ServiceMeshId: id, ClusterId: SECONDARY });
  await readUntil(client, id, "running");
  await call("DeleteServiceMesh", { ServiceMeshId: id, Force: true });

  const missed = Object.keys(OPERATIONS).filter((a) => !recorded.has(a));
  if (missed.length > 0) throw new Error(`the contract tour called no ${missed.join(", ")}`);
  return recorded;
}
