// Errors as the engine takes them over gRPC. A partial-state error (framework/errors.ts, an object the API
// accepted but that did not become ready) travels as ErrorResourceInitFailed in the status details, so the
// engine records the object's id and properties instead of losing a real cloud object; everything else is
// a plain UNKNOWN status carrying the message.
import { Metadata, status, type ServiceError } from "@grpc/grpc-js";
import { Any } from "google-protobuf/google/protobuf/any_pb";
import { ErrorResourceInitFailed } from "@pulumi/pulumi/proto/provider_pb";
import { Status } from "@pulumi/pulumi/proto/status_pb";
import { isResourceInitError } from "../framework/errors";
import type { Props } from "../schema";
import { toStruct } from "./marshal";
import { inPluginKeys } from "./providerConfig";

const messageOf = (err: unknown): string => inPluginKeys(err instanceof Error ? err.message : String(err));

/** `err` as a gRPC error; `secrets` are the properties a partial state must keep secret. */
export function grpcError(err: unknown, secrets: ReadonlySet<string> = new Set()): Partial<ServiceError> {
  const message = messageOf(err);
  const metadata = new Metadata();
  if (isResourceInitError(err)) {
    const detail = new ErrorResourceInitFailed();
    detail.setId(err.id);
    detail.setProperties(toStruct(err.properties as Props, secrets));
    detail.setReasonsList(err.reasons.map(inPluginKeys));
    const any = new Any();
    any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
    const st = new Status();
    st.setCode(status.UNKNOWN);
    st.setMessage(message);
    st.addDetails(any);
    // grpc-js has no API for rich status details: this trailer is where the Go side reads them from.
    metadata.add("grpc-status-details-bin", Buffer.from(st.serializeBinary()));
  }
  return { code: status.UNKNOWN, details: message, message, metadata };
}

/** A request for something this plugin does not do, so the engine falls back or says so. */
export function unimplemented(what: string): Partial<ServiceError> {
  return { code: status.UNIMPLEMENTED, details: `asm: ${what} is not implemented` };
}
