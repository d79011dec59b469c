// ASMGateway: the inputs (each mapped onto the IstioGateway object: metadata or a spec key of the same
// name; extraSpec carries every other spec key) and the rules across them.
import { meshIdField } from "../../framework/meshId";
import { timeoutsField } from "../../framework/timeouts";
import { CheckFailure, f, FieldSpecs, InputsOf, ResourceDescription, Props } from "../../schema";
import { DNS_LABEL, DNS_LABEL_HINT, QUANTITY } from "../gatewayFields";

export const DEFAULT_GATEWAY_NAMESPACE = "istio-system";

const quantity = f.string({ pattern: QUANTITY, patternHint: "a Kubernetes quantity such as 200m, 2, 256Mi or 4G" });
const quantities = f.object({
  cpu: { ...quantity, description: 'The CPU amount, a Kubernetes quantity in cores such as "2" or in millicores such as "200m".' },
  memory: { ...quantity, description: 'The memory amount, a Kubernetes quantity in bytes such as "256Mi" or "4G".' },
});
const portNumber = f.int({ min: 1, max: 65535 });

const portFields = {
  name: f.string({ description: "The port's name, a DNS label unique among the gateway's ports, such as http-0.", required: true, pattern: DNS_LABEL, patternHint: DNS_LABEL_HINT }),
  port: f.int({ description: "The port number the gateway's Service exposes, 1 to 65535, unique among the gateway's ports.", required: true, min: 1, max: 65535 }),
  targetPort: { ...portNumber, description: "The container port on the gateway pods that the port forwards to, 1 to 65535." },
  nodePort: { ...portNumber, description: "The port on each cluster node that exposes this port when serviceType is NodePort or LoadBalancer." },
  protocol: f.enumOf(["TCP", "UDP", "HTTP", "HTTPS", "HTTP2", "GRPC", "TLS"], { description: "The port's protocol: TCP, UDP, HTTP, HTTPS, HTTP2, GRPC or TLS." }),
} satisfies FieldSpecs;

export const asmGatewayFields = {
  meshId: { ...meshIdField, description: "The id of the mesh the gateway runs in." },
  name: f.string({ description: "The IstioGateway name, e.g. ingressgateway.", required: true, createOnly: true, pattern: DNS_LABEL, patternHint: DNS_LABEL_HINT, wire: "metadata.name" }),
  namespace: f.string({ description: "The namespace of the IstioGateway in the mesh's control plane.", default: DEFAULT_GATEWAY_NAMESPACE, createOnly: true, pattern: DNS_LABEL, patternHint: DNS_LABEL_HINT, wire: "metadata.namespace" }),
  gatewayType: f.enumOf(["ingress", "egress"], { description: "Whether the gateway takes traffic in (ingress) or out (egress).", default: "ingress", wire: "spec.gatewayType" }),
  // Unknown as a whole while an attachment it comes from is re-created: the gateway is replaced with it.
  clusterIds: f.stringList({ description: "The ids of the mesh's clusters the gateway runs on.", required: true, minItems: 1, replaceWhenUnknown: true, hint: "the ids of the mesh's clusters the gateway runs on", wire: "spec.clusterIds" }),
  serviceType: f.enumOf(["LoadBalancer", "ClusterIP", "NodePort"], { description: "The Kubernetes Service type that exposes the gateway.", default: "LoadBalancer", wire: "spec.serviceType" }),
  serviceAnnotations: f.stringMap({ description: "Annotations on the gateway's Service, e.g. the load balancer spec.", wire: "spec.serviceAnnotations" }),
  replicaCount: f.int({ description: "The number of gateway pods.", min: 0, max: 1000, wire: "spec.replicaCount" }),
  minReplicas: f.int({ description: "The fewest gateway pods autoscaling may leave.", min: 0, max: 1000, wire: "spec.minReplicas" }),
  maxReplicas: f.int({ description: "The most gateway pods autoscaling may start.", min: 1, max: 1000, wire: "spec.maxReplicas" }),
  resources: { description: "CPU and memory limits and requests of each gateway pod.", ...f.object({
    limits: { ...quantities, description: "The most CPU and memory each gateway pod may use." },
    requests: { ...quantities, description: "The CPU and memory Kubernetes reserves for each gateway pod." },
  }, { wire: "spec.resources" }) },
  adopt: f.bool({ description: "Take over an existing gateway of this name instead of creating one.", default: false, createTimeOnly: true }),
  timeouts: { ...timeoutsField, description: "Deadlines for create, update and delete, such as \"10m\"." },
  ports: { description: "The ports the gateway listens on.", ...f.list(f.object(portFields), { wire: "spec.ports" }) },
  extraSpec: { description: "Any other IstioGateway spec key, passed through as JSON.", ...f.json({ wire: "spec", spread: true }) },
} satisfies FieldSpecs;

export type GatewayPort = InputsOf<typeof portFields>;

// serverSpecKeys: what states written before serverSpec recorded (the keys without their values).
export const GATEWAY_OUTPUTS = ["fullName", "serverSpec", "serverSpecKeys"] as const;

/** The outputs as the package schema publishes them. */
export const asmGatewayOutputFields = {
  fullName: f.string({ description: "The gateway as `<namespace>:<name>`, the form DescribeServiceMeshUpgradeStatus takes." }),
} satisfies FieldSpecs;

// The spec keys the control plane added, recorded to tell them from the program's: not the user's to read.
const GATEWAY_RECORDS = ["serverSpec", "serverSpecKeys"] as const;

function crossFieldFailures(a: Props): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const { minReplicas: min, maxReplicas: max, replicaCount: count } = a as { minReplicas?: number; maxReplicas?: number; replicaCount?: number };
  if (min !== undefined && max !== undefined && min > max) failures.push({ property: "minReplicas", reason: `${min} is larger than maxReplicas (${max})` });
  if (count !== undefined && max !== undefined && count > max) failures.push({ property: "replicaCount", reason: `${count} is larger than maxReplicas (${max})` });
  const ports = Array.isArray(a.ports) ? (a.ports as GatewayPort[]) : [];
  for (const [key, what] of [["name", "port name"], ["port", "port number"]] as const) {
    const values = ports.map((p) => p[key]);
    const dup = values.find((v, i) => values.indexOf(v) !== i);
    if (dup !== undefined) failures.push({ property: "ports", reason: `${what} ${JSON.stringify(dup)} is used twice; ${what}s must be unique` });
  }
  return failures;
}

export const asmGatewayDescription: ResourceDescription = {
  kind: "ASMGateway",
  fields: asmGatewayFields,
  outputs: GATEWAY_OUTPUTS,
  summary: "An ASM ingress or egress gateway: an IstioGateway custom resource in the mesh's control plane. The id is `<meshId>:<namespace>:<name>`.",
  outputFields: asmGatewayOutputFields,
  privateOutputs: GATEWAY_RECORDS,
  validate: (inputs) => ({ failures: crossFieldFailures(inputs) }),
};
