// Test helper: drives the emulator with the real @alicloud/openapi-client, under any signature
// algorithm, exactly as a product SDK would (research/asm-api.md §6.3).
import OpenApi, * as $OpenApi from "@alicloud/openapi-client";
import * as $Util from "@alicloud/tea-util";
import type { EmulatorHandle } from "../../emulator";
import { loadContract } from "../../emulator/contract/contract";

export type Algorithm = "ACS3-HMAC-SHA256" | "ACS3-HMAC-SM3" | "v2";

/** Where each parameter travels, as the official SDK sends it (emulator/contract/); one the contract lacks goes in the body. */
const CONTRACT = loadContract();
const inQuery = (action: string, param: string): boolean =>
  CONTRACT.actions.get(action)?.params.find((p) => p.name === param)?.place === "query";
const methodOf = (action: string): string => CONTRACT.actions.get(action)?.method ?? "POST";

/** Product SDKs flatten query maps (Tag.1.Key=…) before calling callApi; so do we. */
function flattenQuery(value: Record<string, unknown>, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  for (const [k, v] of Object.entries(value)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (Array.isArray(v)) v.forEach((item, i) => flattenValue(`${key}.${i + 1}`, item, out));
    else flattenValue(key, v, out);
  }
  return out;
}

function flattenValue(key: string, v: unknown, out: Record<string, string>): void {
  if (v === undefined || v === null) return;
  if (typeof v === "object") flattenQuery(v as Record<string, unknown>, key, out);
  else out[key] = String(v);
}

export interface AsmError extends Error {
  code: string;
  statusCode: number;
  data: Record<string, unknown>;
}

export class AsmTestClient {
  private readonly client: OpenApi;

  constructor(emu: Pick<EmulatorHandle, "endpoint" | "credentials">, algorithm: Algorithm = "ACS3-HMAC-SHA256",
    credentials = emu.credentials) {
    this.client = new OpenApi(new $OpenApi.Config({
      accessKeyId: credentials.accessKeyId,
      accessKeySecret: credentials.accessKeySecret,
      endpoint: emu.endpoint,
      protocol: "HTTP",
      regionId: "cn-hangzhou",
      ...(algorithm === "ACS3-HMAC-SHA256" ? {} : { signatureAlgorithm: algorithm }),
      readTimeout: 5000,
      connectTimeout: 2000,
    }));
  }

  async call(action: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const query: Record<string, unknown> = {};
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(params)) {
      if (inQuery(action, k)) query[k] = v;
      else body[k] = v;
    }
    const req = new $OpenApi.OpenApiRequest({ query: flattenQuery(query), body });
    const res = await this.client.callApi(new $OpenApi.Params({
      action, version: "2020-01-11", protocol: "HTTPS", pathname: "/",
      method: methodOf(action),
      authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json",
    }), req, new $Util.RuntimeOptions({}));
    return res.body as Record<string, unknown>;
  }

  /** Calls and returns the thrown error; fails the test if the call succeeds. */
  async fail(action: string, params: Record<string, unknown> = {}): Promise<AsmError> {
    try {
      await this.call(action, params);
    } catch (e) {
      return e as AsmError;
    }
    throw new Error(`${action} succeeded but an error was expected`);
  }
}
