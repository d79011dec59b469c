// Value rules the gateway-family resources (ASMGateway, GatewaySecret, GatewayRoute) share.
export type { JsonObject, JsonValue } from "../schema";

/** DNS-1123 label: what Kubernetes accepts as a name or namespace. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
export const DNS_LABEL_HINT = "lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters";
/** A Kubernetes resource quantity such as 200m, 2, 256Mi or 4G. */
export const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;
/** An Istio duration such as 5s, 250ms or 1m. */
export const ISTIO_DURATION = /^[0-9]+(\.[0-9]+)?(h|m|s|ms|us|µs|ns)$/;
