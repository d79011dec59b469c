// One factory per error the emulator can answer. Codes and messages of the common Alibaba Cloud
// gateway errors follow the public error centre; ASM-specific codes follow research/asm-api.md;
// codes we invented are in ../modelled.ts and referenced from here.
import { MODELLED_ERRORS } from "../modelled";

export class EmulatorError extends Error {
  constructor(
    readonly code: string,
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
    this.name = "EmulatorError";
  }
}

const err = (code: string, status: number, message: string) => new EmulatorError(code, status, message);
const modelled = (ref: { code: string; httpStatus: number }, message: string) =>
  new EmulatorError(ref.code, ref.httpStatus, message);

// --- protocol and authentication ---
export const invalidAction = (action: string) =>
  err("InvalidAction.NotFound", 404, `Specified api is not found, please check your url and method. Action "${action}" is not implemented by ASM 2020-01-11.`);
export const missingAction = () =>
  err("MissingParameter", 400, 'The input parameter "Action" that is mandatory for processing this request is not supplied (send the x-acs-action header or the Action query parameter).');
export const invalidVersion = (version: string) =>
  err("InvalidVersion", 400, `Specified parameter Version "${version}" is not valid; the only supported version is 2020-01-11.`);
export const incompleteSignature = (detail: string) =>
  err("IncompleteSignature", 400, `The request signature does not conform to Aliyun standards: ${detail}`);
export const signatureDoesNotMatch = (stringToSign: string) =>
  err("SignatureDoesNotMatch", 400, `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`);
export const unknownAccessKey = () =>
  err("InvalidAccessKeyId.NotFound", 404, "Specified access key is not found.");
export const timestampExpired = (sent: string) =>
  err("InvalidTimeStamp.Expired", 400, `Specified time stamp or date value is expired: "${sent}" differs from the server clock by more than 15 minutes.`);
export const timestampFormat = (sent: string) =>
  err("InvalidTimeStamp.Format", 400, `Specified time stamp or date value "${sent}" is not well formatted; use YYYY-MM-DDTHH:mm:ssZ (UTC).`);
export const nonceUsed = () => err("SignatureNonceUsed", 400, "Specified signature nonce was used already.");
export const missingParameter = (name: string) =>
  err("MissingParameter", 400, `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
export const invalidParameter = (name: string, problem: string) =>
  err("InvalidParameter", 400, `The parameter "${name}" is invalid: ${problem}`);
export const unknownParameter = (action: string, name: string, hint: string) =>
  modelled(MODELLED_ERRORS.unknownParameter, `The parameter "${name}" is not a parameter of action ${action}.${hint}`);
export const misplacedParameter = (action: string, name: string, belongs: string, sentIn: string) =>
  modelled(MODELLED_ERRORS.misplacedParameter, `The parameter "${name}" of ${action} belongs in the ${belongs}, not the ${sentIn}.`);
export const misencodedParameter = (action: string, name: string, form: string) =>
  modelled(MODELLED_ERRORS.misencodedParameter, `The parameter "${name}" of ${action} is not sent in this form: ${form}`);
export const bodyTooLarge = (limit: number) =>
  modelled(MODELLED_ERRORS.bodyTooLarge, `The request body exceeds the limit of ${limit} bytes.`);
export const throttled = () => err("Throttling.User", 400, "Request was denied due to user flow control.");
export const internalError = () =>
  err("InternalError", 500, "The request processing has failed due to some unknown error, exception or failure.");
export const serviceUnavailable = (status = 503) =>
  err("ServiceUnavailable", status, "The request has failed due to a temporary failure of the server.");

// --- ASM resources ---
export const meshNotFound = (id: string) => err("ServiceMesh.NotFound", 404, `The service mesh "${id}" does not exist.`);
export const meshNotRunning = (id: string, state: string) =>
  modelled(MODELLED_ERRORS.meshNotRunning, `The service mesh "${id}" is "${state}"; it accepts changes only when "running". Retry later.`);
export const clustersNotEmpty = (id: string, clusters: string[]) =>
  modelled(MODELLED_ERRORS.clustersNotEmpty, `The service mesh "${id}" still has clusters attached (${clusters.join(", ")}); remove them first or set Force=true.`);
export const alreadyExists = (what: string, name: string) =>
  modelled(MODELLED_ERRORS.alreadyExists, `${what} "${name}" already exists.`);
export const clusterNotFound = (id: string) =>
  modelled(MODELLED_ERRORS.clusterNotFound, `The ACK cluster "${id}" does not exist in this account.`);
export const clusterOtherVpc = (id: string, clusterVpc: string, meshVpc: string) =>
  modelled(MODELLED_ERRORS.clusterOtherVpc, `The ACK cluster "${id}" is in VPC "${clusterVpc}", the mesh in "${meshVpc}" (ForbiddenFlag 2).`);
export const clusterInMesh = (id: string, meshId: string) =>
  modelled(MODELLED_ERRORS.clusterInMesh, `The ACK cluster "${id}" already belongs to service mesh "${meshId}".`);
export const clusterHasIstioSystem = (id: string) =>
  modelled(MODELLED_ERRORS.clusterHasIstioSystem, `The ACK cluster "${id}" already has an istio-system namespace (ForbiddenFlag 4); set IgnoreNamespaceCheck=true to add it anyway.`);
export const clusterNotActive = (id: string, state: string) =>
  err("InvalidActiveState.ACK", 400, `The ACK cluster "${id}" is "${state}"; only a running cluster can be added.`);
export const clusterNotAttached = (id: string, meshId: string) =>
  modelled(MODELLED_ERRORS.clusterNotAttached, `The ACK cluster "${id}" is not in service mesh "${meshId}".`);
export const clusterInUse = (id: string, gateways: string[]) =>
  modelled(MODELLED_ERRORS.clusterInUse, `The ACK cluster "${id}" still runs gateways ${gateways.join(", ")}; delete or move them first.`);
export const gatewayNotFound = (meshId: string, name: string) =>
  modelled(MODELLED_ERRORS.gatewayNotFound, `The IstioGateway "${name}" does not exist in service mesh "${meshId}".`);
export const secretNotFound = (gateway: string, name: string) =>
  modelled(MODELLED_ERRORS.secretNotFound, `The gateway secret "${name}" does not exist on gateway "${gateway}".`);
export const routeNotFound = (gateway: string, name: string) =>
  modelled(MODELLED_ERRORS.routeNotFound, `The gateway route "${name}" does not exist on gateway "${gateway}".`);
export const noUpgradeAvailable = (id: string, version: string) =>
  modelled(MODELLED_ERRORS.noUpgrade, `The service mesh "${id}" already runs the newest version ${version}.`);
export const invalidTag = (problem: string) => err("InvalidParameter.Tag", 400, `Invalid tag: ${problem}`);
