// provider/kube against a minimal in-test Kubernetes API server on loopback: the real client-node
// request path (kubeconfig, bearer token, URL prefix) with canned answers.
import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { AddressInfo } from "node:net";
import { istioGatewayApi, isKubeNotFound, KubeApiError, loadKubeconfig } from "../../provider/kube";

const TOKEN = "test-bearer-token-123";
const PREFIX = "/k8s/m-1/apis/istio.alibabacloud.com/v1beta1/namespaces/istio-system/istiogateways";
const gateway = { apiVersion: "istio.alibabacloud.com/v1beta1", kind: "IstioGateway", metadata: { name: "gw", namespace: "istio-system" }, spec: { gatewayType: "ingress" } };

let server: Server;
let base: string;
let objects: Map<string, object>;
const seen: string[] = [];

function handle(req: IncomingMessage, res: ServerResponse): void {
  seen.push(`${req.method} ${req.url}`);
  const reply = (status: number, body: object): void => {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };
  if (req.headers.authorization !== `Bearer ${TOKEN}`) return reply(401, { kind: "Status", message: "Unauthorized" });
  const url = req.url ?? "";
  if (url.endsWith("/forbidden")) return reply(403, { kind: "Status", message: 'istiogateways "forbidden" is forbidden' });
  if (url.endsWith("/hang")) return; // never answers
  if (url === PREFIX && req.method === "GET") return reply(200, { items: [...objects.values()] });
  const name = url.startsWith(`${PREFIX}/`) ? url.slice(PREFIX.length + 1).split("?")[0] : "";
  const found = objects.get(name);
  if (!found) return reply(404, { kind: "Status", message: `istiogateways "${name}" not found`, code: 404 });
  if (req.method === "DELETE") objects.delete(name);
  return reply(200, found);
}

function kubeconfig(server: string, token = TOKEN): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters: [{name: mesh, cluster: {server: " + server + "}}]",
    "users: [{name: u, user: {token: " + token + "}}]",
    "contexts: [{name: c, context: {cluster: mesh, user: u}}]",
    "current-context: c",
  ].join("\n");
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/k8s/m-1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  objects = new Map([["gw", gateway]]);
  seen.length = 0;
});

describe("loadKubeconfig", () => {
  it("returns the current cluster's server", () => {
    expect(loadKubeconfig(kubeconfig(base)).server).toBe(base);
  });

  it("rejects text that is not a kubeconfig without quoting it", () => {
    expect(() => loadKubeconfig(`token: ${TOKEN}\n: : [`)).toThrow("the mesh kubeconfig could not be parsed as a kubeconfig document");
  });

  it("rejects a kubeconfig without a current cluster", () => {
    expect(() => loadKubeconfig("apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n")).toThrow(/no current context/);
  });
});

describe("istioGatewayApi", () => {
  it("gets a gateway through the server's path prefix with the bearer token", async () => {
    const api = istioGatewayApi(kubeconfig(base));
    await expect(api.get("istio-system", "gw")).resolves.toEqual(gateway);
    expect(seen).toEqual([`GET ${PREFIX}/gw`]);
  });

  it("maps a missing gateway to undefined", async () => {
    await expect(istioGatewayApi(kubeconfig(base)).get("istio-system", "nope")).resolves.toBeUndefined();
  });

  it("lists the gateways of a namespace", async () => {
    const items = await istioGatewayApi(kubeconfig(base)).list("istio-system");
    expect(items.map((item) => item.metadata.name)).toEqual(["gw"]);
  });

  it("deletes, then reports the gateway as already gone", async () => {
    const api = istioGatewayApi(kubeconfig(base));
    await expect(api.delete("istio-system", "gw")).resolves.toBe(true);
    await expect(api.delete("istio-system", "gw")).resolves.toBe(false);
  });

  it("reports a forbidden request with the server's reason and no token", async () => {
    const err = await istioGatewayApi(kubeconfig(base)).get("istio-system", "forbidden").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KubeApiError);
    expect((err as KubeApiError).statusCode).toBe(403);
    expect((err as Error).message).toBe('Kubernetes API get istiogateways istio-system/forbidden failed: HTTP 403: istiogateways "forbidden" is forbidden');
    expect(isKubeNotFound(err)).toBe(false);
  });

  it("reports a rejected token as 401 without echoing it", async () => {
    const err = (await istioGatewayApi(kubeconfig(base, "wrong-token-456")).get("istio-system", "gw").catch((e: unknown) => e)) as KubeApiError;
    expect(err.statusCode).toBe(401);
    expect(err.message).not.toContain("wrong-token-456");
  });

  it("reports an unreachable API server with its URL and no status", async () => {
    const err = (await istioGatewayApi(kubeconfig("http://127.0.0.1:9/k8s/m-1")).get("istio-system", "gw").catch((e: unknown) => e)) as KubeApiError;
    expect(err.statusCode).toBeUndefined();
    expect(err.message).toMatch(/API server http:\/\/127\.0\.0\.1:9\/k8s\/m-1 not reachable \(ECONNREFUSED\)/);
  });

  it("bounds a request to a server that never answers", async () => {
    const started = Date.now();
    const err = (await istioGatewayApi(kubeconfig(base), { requestTimeoutMs: 200 }).get("istio-system", "hang").catch((e: unknown) => e)) as KubeApiError;
    expect(err.statusCode).toBeUndefined();
    expect(err.message).toMatch(/not reachable \((ETIMEDOUT|ESOCKETTIMEDOUT)\)/);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
