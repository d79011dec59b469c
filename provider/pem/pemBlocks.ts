// Splits PEM text into its labelled blocks. Node's X509Certificate reads only the first certificate
// of a PEM string, so a chain has to be split before each certificate can be parsed.

export interface PemBlock {
  /** The label between BEGIN and END, e.g. "CERTIFICATE" or "PRIVATE KEY". */
  label: string;
  /** The whole block, BEGIN and END lines included, normalised to "\n" line endings. */
  text: string;
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;

export function splitPemBlocks(pem: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of pem.matchAll(BLOCK)) {
    const body = match[2].replace(/\r\n/g, "\n");
    blocks.push({ label: match[1], text: `-----BEGIN ${match[1]}-----\n${body}-----END ${match[1]}-----\n` });
  }
  return blocks;
}
