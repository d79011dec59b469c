// The one error type of provider/pem. Messages name the input field and what is wrong, and never
// include any of the PEM text: a private key must not leak into logs, errors or state.

export class PemError extends Error {
  constructor(
    readonly property: string,
    message: string,
  ) {
    super(`${property}: ${message}`);
    this.name = "PemError";
  }
}
