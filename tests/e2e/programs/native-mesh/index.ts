// The native plugin's kinds registered by type token, as a program without a generated SDK does. The
// engine finds pulumi-resource-asm on PATH (an ambient plugin). The e2e test changes stack config between
// steps: e2e:tracing is an in-place update, e2e:vpcId a replacement.
import * as pulumi from "@pulumi/pulumi";

class Mesh extends pulumi.CustomResource {
  declare readonly state: pulumi.Output<string>;
  declare readonly kubeconfig: pulumi.Output<string>;
  constructor(name: string, args: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    // Declared outputs are registered as undefined inputs, so the engine's answer fills them in.
    super("asm:index:ServiceMesh", name, { ...args, meshId: undefined, state: undefined, kubeconfig: undefined }, opts);
  }
}

const cfg = new pulumi.Config("e2e");
// e2e:createTimeout: the engine's customTimeouts, which only a native plugin receives.
const createTimeout = cfg.get("createTimeout");
// e2e:pluginDownloadURL with e2e:pluginVersion: where the engine fetches the plugin when it has none installed.
const pluginDownloadURL = cfg.get("pluginDownloadURL");
const pluginOpts: pulumi.CustomResourceOptions = pluginDownloadURL === undefined ? {} : { pluginDownloadURL, version: cfg.require("pluginVersion") };
const mesh = new Mesh("mesh", {
  name: cfg.get("meshName") ?? "native-mesh",
  network: { vpcId: cfg.require("vpcId"), vSwitchIds: [cfg.require("vSwitchId")] },
  tracing: { enabled: cfg.getBoolean("tracing") ?? false },
  // A secret the program makes of an input the kind does not call secret (e2e:ownerTag set with --secret).
  ...(cfg.get("ownerTag") === undefined ? {} : { tags: { owner: cfg.requireSecret("ownerTag") } }),
}, { ...pluginOpts, ...(createTimeout === undefined ? {} : { customTimeouts: { create: createTimeout } }) });
class Attachment extends pulumi.CustomResource {
  constructor(name: string, args: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super("asm:index:ClusterAttachment", name, args, opts);
  }
}

const attachment = new Attachment("cluster", {
  meshId: mesh.id,
  clusterId: cfg.require("clusterId"),
}, pluginOpts);
export const meshId = mesh.id;
export const meshState = mesh.state;
export const attachmentId = attachment.id;
