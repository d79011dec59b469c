// Builds the @alicloud/credentials Credential the transport signs with. Explicit keys are used as
// given; otherwise the SDK's default chain runs (env ALIBABA_CLOUD_*, OIDC, profiles, ECS role, URI)
// and, only if it finds nothing, the ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY fallback. Error text
// names where credentials were looked for, never any key material.
import Credential, { Config as CredentialConfig, DefaultCredentialsProvider } from "@alicloud/credentials";

export interface StaticCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export function staticCredential(keys: StaticCredentials): Credential {
  const type = keys.securityToken ? "sts" : "access_key";
  return new Credential(new CredentialConfig({ type, ...keys }));
}

const NO_CREDENTIALS =
  "no Alibaba Cloud credentials found: set alicloud:accessKey and alicloud:secretKey (pulumi config set --secret), " +
  "or ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET, or a profile, or ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY";

export function chainCredential(fallback: StaticCredentials | undefined): Credential {
  const chain = DefaultCredentialsProvider.builder().build();
  const provider = {
    getProviderName: () => "default_chain",
    getCredentials: async () => {
      try {
        return await chain.getCredentials();
      } catch {
        // The code makes classifyError call this a permission problem: fail at once, never retry it as a network error.
        if (!fallback) throw Object.assign(new Error(NO_CREDENTIALS), { code: "InvalidCredentials" });
        // The SDK only reads these four fields from a Credentials object.
        return { ...fallback, securityToken: fallback.securityToken ?? "", providerName: "alicloud_env" } as Awaited<
          ReturnType<typeof chain.getCredentials>
        >;
      }
    },
  };
  return new Credential(null, provider);
}
