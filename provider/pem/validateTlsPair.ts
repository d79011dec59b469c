// The GatewaySecret input check: the cert is a valid PEM chain, the key matches its leaf, the leaf
// is inside its validity window, and a warning when it expires soon. Failures are returned, not
// thrown, so check() can report every problem at once.
import { CertificateInfo, describeCertificate, parseCertificateChain, verifyChainOrder } from "./certificateChain";
import { PemError } from "./pemError";
import { keyMatchesCertificate, parsePrivateKey } from "./privateKey";

export const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface TlsPairFailure {
  property: string;
  reason: string;
}

export interface TlsPairReport {
  failures: TlsPairFailure[];
  warnings: string[];
  /** The leaf certificate, when the cert parsed. */
  leaf?: CertificateInfo;
}

export function validateTlsPair(certPem: string, keyPem: string, now: Date, warnWithinDays = EXPIRY_WARNING_DAYS): TlsPairReport {
  const report: TlsPairReport = { failures: [], warnings: [] };
  const chain = capture(report, () => parseCertificateChain(certPem, "cert"));
  const key = capture(report, () => parsePrivateKey(keyPem, "key"));
  if (!chain) return report;
  capture(report, () => verifyChainOrder(chain, "cert"));
  const leaf = describeCertificate(chain[0]);
  report.leaf = leaf;
  if (key && !keyMatchesCertificate(key, chain[0])) {
    report.failures.push({ property: "key", reason: `the private key does not match the certificate for ${leaf.dnsNames.join(", ")}` });
  }
  checkValidity(report, leaf, now, warnWithinDays);
  return report;
}

function checkValidity(report: TlsPairReport, leaf: CertificateInfo, now: Date, warnWithinDays: number): void {
  const expires = leaf.notAfter.toISOString();
  if (leaf.notAfter.getTime() <= now.getTime()) {
    report.failures.push({ property: "cert", reason: `the certificate expired at ${expires}; provide a certificate that is still valid` });
  } else if (leaf.notBefore.getTime() > now.getTime()) {
    report.failures.push({ property: "cert", reason: `the certificate is not valid before ${leaf.notBefore.toISOString()}` });
  } else {
    const daysLeft = Math.floor((leaf.notAfter.getTime() - now.getTime()) / DAY_MS);
    if (daysLeft < warnWithinDays) {
      report.warnings.push(`cert: the certificate expires at ${expires}, in ${daysLeft} day(s); plan a rotation (docs/rotation.md)`);
    }
  }
}

function capture<T>(report: TlsPairReport, parse: () => T): T | undefined {
  try {
    return parse();
  } catch (err) {
    if (!(err instanceof PemError)) throw err;
    report.failures.push({ property: err.property, reason: err.message.slice(err.property.length + 2) });
    return undefined;
  }
}
