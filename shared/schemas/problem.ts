/**
 * Problem types of the API's problem+json errors: stable URNs, so clients (the extension's
 * outbox) branch on them without parsing titles.
 */
export const PROBLEM_TYPES = {
  validation: 'urn:leadlens:problem:validation',
  malformedJson: 'urn:leadlens:problem:malformed-json',
  unauthorized: 'urn:leadlens:problem:unauthorized',
  forbidden: 'urn:leadlens:problem:forbidden',
  notFound: 'urn:leadlens:problem:not-found',
  noRoute: 'urn:leadlens:problem:no-route',
  conflict: 'urn:leadlens:problem:conflict',
  preconditionFailed: 'urn:leadlens:problem:precondition-failed',
  payloadTooLarge: 'urn:leadlens:problem:payload-too-large',
  unsupportedMediaType: 'urn:leadlens:problem:unsupported-media-type',
  rateLimited: 'urn:leadlens:problem:rate-limited',
  idempotencyMismatch: 'urn:leadlens:problem:idempotency-key-reused',
  requestInProgress: 'urn:leadlens:problem:request-in-progress',
  internal: 'urn:leadlens:problem:internal',
  http: 'about:blank',
} as const;
