// The provider's configuration keys as a table, for the package schema (docs/configuration.md says the
// same in prose; a test holds the two together). config.ts reads them. The native plugin is configured in
// its own namespace (asm:<key>): the engine hands a plugin only its package's config. The dynamic provider
// reads every stack key, so it takes the credentials and region under @pulumi/alicloud's names (`stackKey`).
import { f, Field } from "./schema";

export interface ConfigKey {
  field: Field;
  /** The stack config key the dynamic provider reads. */
  stackKey: string;
}

const SECRET_HINT = "Set it with pulumi config set --secret: plain text is refused.";

export const CONFIG_KEYS = {
  accessKey: {
    stackKey: "alicloud:accessKey",
    field: f.string({ secret: true, description: `The AccessKey ID; unset, the Alibaba Cloud default credential chain applies. ${SECRET_HINT}` }),
  },
  secretKey: {
    stackKey: "alicloud:secretKey",
    field: f.string({ secret: true, description: `The AccessKey secret that goes with accessKey. ${SECRET_HINT}` }),
  },
  securityToken: {
    stackKey: "alicloud:securityToken",
    field: f.string({ secret: true, description: `The STS token, for temporary credentials. ${SECRET_HINT}` }),
  },
  region: {
    stackKey: "alicloud:region",
    field: f.string({ description: "The default region, such as cn-hangzhou; a ServiceMesh can also take regionId. Unset: ALIBABA_CLOUD_REGION_ID, then ALICLOUD_REGION." }),
  },
  endpoint: {
    stackKey: "asm:endpoint",
    field: f.string({ default: "servicemesh.aliyuncs.com", description: "The ASM API endpoint, such as the local emulator's; ASM_ENDPOINT wins over it." }),
  },
  protocol: {
    stackKey: "asm:protocol",
    field: f.enumOf(["HTTP", "HTTPS"], { default: "HTTPS", description: "The protocol the API is called with; ASM_PROTOCOL wins over it." }),
  },
  progress: {
    stackKey: "asm:progress",
    field: f.enumOf(["on", "off"], { default: "on", description: "Whether progress lines are shown while the provider waits; ASM_PROGRESS wins over it." }),
  },
  extraRegions: {
    stackKey: "asm:extraRegions",
    field: f.string({ description: "Comma-separated regions accepted beyond those ASM is known to serve, such as eu-central-1; ASM_EXTRA_REGIONS adds more." }),
  },
} as const satisfies Record<string, ConfigKey>;
