// The native plugin's process: `pulumi-resource-asm [flags] <engine address>`. Serves the ResourceProvider
// service on a free loopback port and prints the port as the first line of stdout, which is how the engine
// learns where to connect (sdk/go/common/resource/plugin/plugin.go reads it); the gRPC server keeps the
// process alive until the engine kills it. Log lines go back to the engine at its address (engineLog.ts).
import * as fs from "node:fs";
import * as path from "node:path";
import { Server, ServerCredentials } from "@grpc/grpc-js";
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { useHostLogger } from "../framework/progress";
import { packageSchema, type PackageFacts } from "../packageSchema";
import { connectEngineLog, engineAddressOf } from "./engineLog";
import { resourceProviderService } from "./service";

/** package.json of this package: found upwards, as the file sits at a different depth in dist/ than in the sources. */
function packageFacts(from: string = __dirname): PackageFacts {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version: string; license?: string; repository?: string | { url: string } };
      if (pkg.name === "asm-pulumi") {
        const repository = typeof pkg.repository === "object" ? pkg.repository.url : pkg.repository;
        return { version: pkg.version, ...(pkg.license === undefined ? {} : { license: pkg.license }), ...(repository === undefined ? {} : { repository }) };
      }
    }
    if (path.dirname(dir) === dir) throw new Error("asm: package.json of asm-pulumi not found above the plugin");
  }
}

// Requests carry whole property maps; the 4 MB default would refuse a large one (a route table, a bundle of PEM).
const MAX_MESSAGE = 64 * 1024 * 1024;

export async function serve(): Promise<number> {
  const facts = packageFacts();
  let schema: string | undefined;
  const server = new Server({ "grpc.max_receive_message_length": MAX_MESSAGE, "grpc.max_send_message_length": MAX_MESSAGE });
  server.addService(ResourceProviderService, resourceProviderService({ version: facts.version, schema: () => (schema ??= JSON.stringify(packageSchema(facts))) }));
  return new Promise((resolve, reject) => {
    server.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (err, port) => (err ? reject(err) : resolve(port)));
  });
}

export async function main(): Promise<void> {
  const engine = engineAddressOf(process.argv.slice(2));
  // Started by hand (no engine), lines go to @pulumi/pulumi's log, which prints them.
  if (engine !== undefined) useHostLogger(connectEngineLog(engine).logger);
  const port = await serve();
  // A string, so Node never colours it; the engine parses this line as the port.
  process.stdout.write(`${port}\n`);
}
