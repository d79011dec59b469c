// provider/pem: certificate and private key parsing for GatewaySecret. Pure node:crypto, no I/O.
export { splitPemBlocks, type PemBlock } from "./pemBlocks";
export { PemError } from "./pemError";
export { parseCertificateChain, verifyChainOrder, describeCertificate, type CertificateInfo } from "./certificateChain";
export { parsePrivateKey, keyMatchesCertificate } from "./privateKey";
export { validateTlsPair, EXPIRY_WARNING_DAYS, type TlsPairReport, type TlsPairFailure } from "./validateTlsPair";
export { formatExpiredTime, parseExpiredTime, expiryMatches } from "./expiredTime";
