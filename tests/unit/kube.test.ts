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
/** Answers the next requests for "flaky" with these statuses before serving it. */
let flakyAnswers: number[] = [];
/** One attempt per request: the tests of a single request's failure. */
const ONCE = { retry: { maxAttempts: 1, backoff: { minMs: 0, maxMs: 0 } } };
const FAST_RETRY = { retry: { maxAttempts: 4, backoff: { minMs: 1, maxMs: 5 } } };

function handle(req: IncomingMessage, res: ServerResponse): void {
  seen.push(`${req.method} ${req.url}`);
  const reply = (status: number, body: object): void => {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };
  if (req.headers.authorization !== `Bearer ${TOKEN}`) return reply(401, { kind: "Status", message: "Unauthorized" });
  const url = req.url ?? "";
  if (url.endsWith("/flaky") && flakyAnswers.length > 0) {
    const code = flakyAnswers.shift()!;
    return reply(code, { kind: "Status", message: `answer ${code}`, code });
  }
  if (url.endsWith("/flaky")) return reply(200, { ...gateway, metadata: { ...gateway.metadata, name: "flaky" } });
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
  flakyAnswers = [];
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

  it("repeats a request answered 429 or 5xx until it is served", async () => {
    flakyAnswers = [429, 503, 500];
    const got = await istioGatewayApi(kubeconfig(base), FAST_RETRY).get("istio-system", "flaky");
    expect(got?.metadata.name).toBe("flaky");
    expect(seen).toEqual(Array(4).fill(`GET ${PREFIX}/flaky`));
  });

  it("gives up after the retry budget with the last answer", async () => {
    flakyAnswers = [503, 503, 503, 503, 503];
    const err = (await istioGatewayApi(kubeconfig(base), FAST_RETRY).get("istio-system", "flaky").catch((e: unknown) => e)) as KubeApiError;
    expect([err.statusCode, seen.length]).toEqual([503, 4]);
  });

  it("does not repeat a request the server refused for good (403, 401)", async () => {
    await istioGatewayApi(kubeconfig(base), FAST_RETRY).get("istio-system", "forbidden").catch(() => undefined);
    await istioGatewayApi(kubeconfig(base, "wrong-token-456"), FAST_RETRY).get("istio-system", "gw").catch(() => undefined);
    expect(seen).toEqual([`GET ${PREFIX}/forbidden`, `GET ${PREFIX}/gw`]);
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
    const err = (await istioGatewayApi(kubeconfig("http://127.0.0.1:9/k8s/m-1"), ONCE).get("istio-system", "gw").catch((e: unknown) => e)) as KubeApiError;
    expect(err.statusCode).toBeUndefined();
    expect(err.message).toMatch(/API server http:\/\/127\.0\.0\.1:9\/k8s\/m-1 not reachable \(ECONNREFUSED\)/);
  });

  it("bounds a request to a server that never answers", async () => {
    const started = Date.now();
    const err = (await istioGatewayApi(kubeconfig(base), { requestTimeoutMs: 200, ...ONCE }).get("istio-system", "hang").catch((e: unknown) => e)) as KubeApiError;
    expect(err.statusCode).toBeUndefined();
    expect(err.message).toMatch(/not reachable \((ETIMEDOUT|ESOCKETTIMEDOUT)\)/);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
