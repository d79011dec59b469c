// The wire: one signed RPC call through @alicloud/openapi-client (ACS3-HMAC-SHA256 by default).
// Splits parameters into query and form body as the catalog says, and turns any failure into an
// AsmApiError. Kept behind an interface so the client's retry logic is testable without a server.
import OpenApiClient, * as $OpenApi from "@alicloud/openapi-client";
import * as $Util from "@alicloud/tea-util";
import { API_VERSION } from "./catalog";
import type { Operation, WireParams } from "./catalog/operation";
import { chainCredential, StaticCredentials, staticCredential } from "./credentials";
import { toAsmApiError } from "./errors";

export interface Transport {
  send(action: string, operation: Operation<object, unknown>, params: WireParams): Promise<unknown>;
}

export interface TransportSettings {
  endpoint: string;
  protocol: "HTTP" | "HTTPS";
  regionId: string;
  /** Explicit keys, or undefined to use the @alicloud/credentials default chain. */
  credentials?: StaticCredentials;
  /** Used when the default chain finds nothing (the ALICLOUD_* env names). */
  fallbackCredentials?: StaticCredentials;
  readTimeoutMs?: number;
  connectTimeoutMs?: number;
}

export function splitParams(operation: Operation<object, unknown>, params: WireParams): { query: WireParams; body: WireParams } {
  if (operation.query === "all") return { query: params, body: {} };
  const query: WireParams = {};
  const body: WireParams = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    (operation.query.includes(k) ? query : body)[k] = v;
  }
  return { query, body };
}

function buildConfig(s: TransportSettings): $OpenApi.Config {
  const config = new $OpenApi.Config({ endpoint: s.endpoint, protocol: s.protocol, regionId: s.regionId });
  config.credential = s.credentials ? staticCredential(s.credentials) : chainCredential(s.fallbackCredentials);
  return config;
}

export class OpenApiTransport implements Transport {
  private readonly client: OpenApiClient;
  private readonly runtime: $Util.RuntimeOptions;

  constructor(settings: TransportSettings) {
    this.client = new OpenApiClient(buildConfig(settings));
    this.runtime = new $Util.RuntimeOptions({
      readTimeout: settings.readTimeoutMs ?? 30_000,
      connectTimeout: settings.connectTimeoutMs ?? 5_000,
    });
  }

  async send(action: string, operation: Operation<object, unknown>, params: WireParams): Promise<unknown> {
    const { query, body } = splitParams(operation, params);
    const request = new $OpenApi.OpenApiRequest({
      query: flatten(query),
      body: Object.keys(body).length > 0 ? body : undefined,
    });
    const apiParams = new $OpenApi.Params({
      action, version: API_VERSION, protocol: "HTTPS", pathname: "/", method: operation.method,
      authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json",
    });
    try {
      const res = await this.client.callApi(apiParams, request, this.runtime);
      return res.body;
    } catch (err) {
      throw toAsmApiError(action, err);
    }
  }
}

/** Flattens nested query parameters the way the API expects: Tag.1.Key, ResourceId.1. */
export function flatten(params: WireParams, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  for (const [k, v] of Object.entries(params)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) v.forEach((item, i) => flatten({ [String(i + 1)]: item }, key, out));
    else if (typeof v === "object") flatten(v as WireParams, key, out);
    else out[key] = String(v);
  }
  return out;
}
