// Credentials never reach a report. The journal should hold none, but inputs, observations and error
// messages are free text that someone else wrote: every string is scrubbed on the way out, and values
// under names that sound secret are dropped whole.
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{16}\b/g;
const SECRET_ASSIGNMENT = /\b(aws_secret_access_key|aws_session_token|secretAccessKey|sessionToken|password|passwd|secret|token)(["']?\s*[=:]\s*["']?)[^\s"',;&]+/gi;
const SIGNATURE = /\b(Signature|X-Amz-Signature|X-Amz-Security-Token|Credential)=([^\s&"']+)/g;
const SECRET_NAME = /secret|password|passwd|passphrase|token|credential|private.?key|api.?key/i;

export const REDACTED = '[redacted]';

export function redactText(text: string): string {
  return text
    .replace(ACCESS_KEY_ID, REDACTED)
    .replace(SECRET_ASSIGNMENT, (_match, name: string, separator: string) => `${name}${separator}${REDACTED}`)
    .replace(SIGNATURE, (_match, name: string) => `${name}=${REDACTED}`);
}

/** A deep copy with every string scrubbed and every secret-named value replaced. */
export function redact<T>(value: T): T {
  return scrub(value) as T;
}

function scrub(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(scrub);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[key] = SECRET_NAME.test(key) && inner !== undefined && inner !== null && typeof inner !== 'boolean' ? REDACTED : scrub(inner);
  }
  return copy;
}
