// Parses a PEM private key and checks that it belongs to a certificate. Error text never carries
// key material; the node:crypto error is dropped on purpose because it can quote the input.
import { createPrivateKey, createPublicKey, KeyObject, X509Certificate } from "node:crypto";
import { PemError } from "./pemError";
import { splitPemBlocks } from "./pemBlocks";

const KEY_LABELS = ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"];

export function parsePrivateKey(pem: string, property = "key"): KeyObject {
  const blocks = splitPemBlocks(pem).filter((block) => block.label !== "EC PARAMETERS");
  if (blocks.length !== 1) {
    throw new PemError(property, `expected exactly one PEM private key block, found ${blocks.length}`);
  }
  const [block] = blocks;
  if (block.label === "ENCRYPTED PRIVATE KEY") {
    throw new PemError(property, "the private key is encrypted; provide it unencrypted (it is stored as a secret)");
  }
  if (!KEY_LABELS.includes(block.label)) {
    throw new PemError(property, `a '${block.label}' block is not a private key; allowed: ${KEY_LABELS.join(", ")}`);
  }
  try {
    return createPrivateKey({ key: block.text, format: "pem" });
  } catch {
    throw new PemError(property, "the private key block could not be decoded");
  }
}

/** True when the private key's public half is the certificate's public key. */
export function keyMatchesCertificate(key: KeyObject, cert: X509Certificate): boolean {
  const fromKey = createPublicKey(key).export({ type: "spki", format: "der" });
  const fromCert = cert.publicKey.export({ type: "spki", format: "der" });
  return fromKey.equals(fromCert);
}
