/**
 * What went wrong talking to Nedap Ons, as a closed set the run record and the UI can react to.
 *
 * - `certificate`: the PFX cannot be opened, or Nedap refused it as invalid or expired (495).
 * - `environment`: the certificate is not valid for this environment (403).
 * - `not-found`: the object does not exist (404).
 * - `refused`: any other 4xx; the message carries Nedap's own explanation.
 * - `http`: 429 or 5xx that outlasted the retries, or an unexpected answer.
 * - `timeout`: no answer within the time limit (a create may still have happened).
 * - `network`: Nedap Ons could not be reached, or its server certificate is not trusted.
 */
export type NedapErrorKind = 'certificate' | 'environment' | 'not-found' | 'refused' | 'http' | 'timeout' | 'network';

/**
 * A Nedap Ons request failed. Messages say what to check in words an admin understands and never
 * contain the certificate password (they are built from the request and status only).
 */
export class NedapRequestError extends Error {
  override readonly name = 'NedapRequestError';
  constructor(
    readonly kind: NedapErrorKind,
    message: string,
    readonly status: number | undefined = undefined,
  ) {
    super(message);
  }
}

/** The admin wording for what GET /ping (or any request) answered about the certificate. */
export function certificateMessage(status: number): string | null {
  switch (status) {
    case 495:
      return 'Nedap Ons says the client certificate is invalid or expired (495): ask Nedap for a new certificate and set nedapOns.pfxFile';
    case 403:
      return 'Nedap Ons says this certificate is not valid for this environment (403): check that nedapOns.baseUrl is the environment (production, staging, development) the certificate was issued for';
    default:
      return null;
  }
}

/** The message of Nedap's error envelope (`errorResponseEntries`, RFC 9457 `detail`/`title`), if any. */
export function envelopeMessage(body: string): string | null {
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    const entries = json.errorResponseEntries;
    if (Array.isArray(entries)) {
      const messages = entries.map((e) => (e as { message?: unknown }).message).filter((m): m is string => typeof m === 'string');
      if (messages.length > 0) return messages.join('; ');
    }
    for (const key of ['detail', 'message', 'title']) if (typeof json[key] === 'string') return json[key];
  } catch {
    // Not JSON: the status says enough.
  }
  return null;
}
