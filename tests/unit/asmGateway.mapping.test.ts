import { fromGatewaySpec, gatewayId, GatewaySpecArgs, parseGatewayId, toIstioGatewayBody } from "../../provider/resources/asmGateway/wire";

const args: GatewaySpecArgs = {
  gatewayType: "ingress",
  clusterIds: ["c-ack-1"],
  ports: [{ name: "http-0", port: 80, targetPort: 80, protocol: "TCP" }],
  serviceType: "LoadBalancer",
  serviceAnnotations: { "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec": "slb.s1.small" },
  replicaCount: 2,
  minReplicas: 2,
  maxReplicas: 4,
  resources: { limits: { cpu: "2", memory: "4G" }, requests: { cpu: "200m", memory: "256Mi" } },
  extraSpec: { rollingMaxSurge: "100%", env: { A: "b" } },
};

describe("toIstioGatewayBody", () => {
  it("renders the documented IstioGateway object, typed keys and passthrough in one spec", () => {
    const body = toIstioGatewayBody("ingressgateway", "istio-system", args);
    expect(body).toEqual({
      apiVersion: "istio.alibabacloud.com/v1beta1",
      kind: "IstioGateway",
      metadata: { name: "ingressgateway", namespace: "istio-system" },
      spec: {
        gatewayType: "ingress",
        clusterIds: ["c-ack-1"],
        ports: [{ name: "http-0", port: 80, targetPort: 80, protocol: "TCP" }],
        serviceType: "LoadBalancer",
        serviceAnnotations: { "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec": "slb.s1.small" },
        replicaCount: 2,
        minReplicas: 2,
        maxReplicas: 4,
        resources: { limits: { cpu: "2", memory: "4G" }, requests: { cpu: "200m", memory: "256Mi" } },
        rollingMaxSurge: "100%",
        env: { A: "b" },
      },
    });
  });

  it("leaves undeclared typed keys out of the spec", () => {
    expect(toIstioGatewayBody("g", "ns", { clusterIds: ["c"] }).spec).toEqual({ clusterIds: ["c"] });
  });
});

describe("fromGatewaySpec", () => {
  it("is the inverse of the spec rendering", () => {
    expect(fromGatewaySpec(toIstioGatewayBody("g", "ns", args).spec)).toEqual(args);
  });

  it("surfaces out-of-band spec keys as extraSpec so refresh shows them", () => {
    expect(fromGatewaySpec({ clusterIds: ["c"], replicaCount: 5, hostNetwork: true })).toEqual({
      clusterIds: ["c"],
      replicaCount: 5,
      extraSpec: { hostNetwork: true },
    });
  });
});

describe("gateway ids", () => {
  it("round-trips <mesh>:<namespace>:<name>", () => {
    expect(parseGatewayId(gatewayId("c1", "istio-system", "gw"))).toEqual({ meshId: "c1", namespace: "istio-system", name: "gw" });
  });

  it("rejects a malformed id", () => {
    expect(() => parseGatewayId("c1::gw")).toThrow(/expected <meshId>:<namespace>:<name>/);
  });
});
