// The one HTTP server: routes /_emulator/* to the control API, /k8s/<meshId>/* to the mesh's
// Kubernetes API subset, and everything else to the RPC pipeline. Bodies are read with a size
// limit so an oversized request is refused before it is buffered.
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import type { EmulatorControl } from "../control";
import * as E from "../errors/catalog";
import { handleKube } from "../kube/kubeApi";
import type { Runtime } from "../runtime";
import { handleControl } from "./controlApi";
import { handleRpc } from "./rpcPipeline";
import { newRequestId, sendError } from "./serialize";

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(over ? undefined : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function route(rt: Runtime, control: EmulatorControl, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const path = q >= 0 ? url.slice(0, q) : url;
  const rawQuery = q >= 0 ? url.slice(q + 1) : "";
  const body = await readBody(req, rt.maxBodyBytes);
  if (body === undefined) {
    res.setHeader("connection", "close");
    sendError(res, E.bodyTooLarge(rt.maxBodyBytes), newRequestId());
    return;
  }
  const method = req.method ?? "GET";
  if (path.startsWith("/_emulator/")) return handleControl(rt, control, method, path.slice("/_emulator/".length), body, res);
  if (path.startsWith("/k8s/")) return handleKube(rt, req, res, path.slice("/k8s/".length), rawQuery, rt.kubeLog);
  if (path !== "/") {
    sendError(res, E.invalidAction(`${method} ${path}`), newRequestId());
    return;
  }
  return handleRpc(rt, req, res, body, rawQuery);
}

export interface StartedServer {
  server: http.Server;
  host: string;
  port: number;
}

export function startServer(rt: Runtime, control: EmulatorControl, host: string, port: number): Promise<StartedServer> {
  const server = http.createServer((req, res) => {
    route(rt, control, req, res).catch((e: unknown) => {
      process.stderr.write(`asm-emulator: unexpected failure: ${(e as Error).stack ?? String(e)}\n`);
      if (!res.headersSent) sendError(res, E.internalError(), newRequestId());
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve({ server, host, port: (server.address() as AddressInfo).port });
    });
  });
}
