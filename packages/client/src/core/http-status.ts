/**
 * HTTP status codes by their RFC 9110 names. These are HTTP's own meanings, shared by
 * every API; which of them an operation answers is the spec's business (`endpoints` in
 * `@lucca-api/types`).
 */
export const httpStatus = {
  notModified: 304,
  badRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  requestTimeout: 408,
  preconditionFailed: 412,
  contentTooLarge: 413,
  tooManyRequests: 429,
  internalServerError: 500,
  badGateway: 502,
  serviceUnavailable: 503,
  gatewayTimeout: 504,
  partialContent: 206,
} as const;
