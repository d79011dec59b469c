// ASM never returns a secret's certificate, only its ExpiredTime ("YYYY-MM-DD HH:mm"), so content
// drift is detected by comparing that with the declared leaf's notAfter. The API does not state the
// time zone of ExpiredTime; we accept UTC and China Standard Time (UTC+8, where ASM runs its console),
// which keeps drift detection for any other expiry while tolerating either server convention.
const EXPIRED_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/;
const ACCEPTED_OFFSETS_MINUTES = [0, 8 * 60];

/** Formats a date the way DescribeGatewaySecretDetails prints ExpiredTime (UTC). */
export function formatExpiredTime(date: Date): string {
  return date.toISOString().slice(0, 16).replace("T", " ");
}

/** Parses ExpiredTime as a UTC wall-clock minute; undefined when it is not in the documented format. */
export function parseExpiredTime(text: string): Date | undefined {
  const m = EXPIRED_TIME.exec(text.trim());
  if (!m) return undefined;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]));
}

/**
 * True when the reported ExpiredTime is the declared certificate's notAfter (to the minute).
 * Unparseable text counts as a match: no evidence of drift is not drift.
 */
export function expiryMatches(notAfter: Date, expiredTime: string | undefined): boolean {
  if (!expiredTime) return true;
  const reported = parseExpiredTime(expiredTime);
  if (!reported) return true;
  const declaredMinute = Math.floor(notAfter.getTime() / 60_000);
  const reportedMinute = Math.floor(reported.getTime() / 60_000);
  return ACCEPTED_OFFSETS_MINUTES.some((offset) => reportedMinute - offset === declaredMinute);
}
