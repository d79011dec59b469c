// Every response leaves through here: success JSON always carries RequestId; every error becomes
// the ASM envelope {RequestId, HostId, Code, Message, Recommend} with the catalog's HTTP status.
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { EmulatorError } from "../errors/catalog";

export const HOST_ID = "servicemesh.aliyuncs.com";

export const newRequestId = (): string => randomUUID().toUpperCase();

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json;charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

export function errorEnvelope(err: EmulatorError, requestId: string): Record<string, string> {
  return {
    RequestId: requestId,
    HostId: HOST_ID,
    Code: err.code,
    Message: err.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(err.code)}&product=servicemesh&requestId=${requestId}`,
  };
}

export function sendError(res: ServerResponse, err: EmulatorError, requestId: string): void {
  sendJson(res, err.httpStatus, errorEnvelope(err, requestId));
}
