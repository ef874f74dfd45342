/**
 * HTTP status codes by their RFC 9110 names. These are HTTP's own meanings, shared by
 * every API; which of them an operation answers is the spec's business (`endpoints` in
 * `@lucca-api/types`). Imported as a namespace (`import * as httpStatus`): one constant
 * each, which a bundler inlines where an object would ship whole.
 */
export const partialContent = 206;
export const notModified = 304;
export const badRequest = 400;
export const unauthorized = 401;
export const forbidden = 403;
export const notFound = 404;
export const requestTimeout = 408;
export const preconditionFailed = 412;
export const contentTooLarge = 413;
export const rangeNotSatisfiable = 416;
export const tooManyRequests = 429;
export const badGateway = 502;
export const serviceUnavailable = 503;
export const gatewayTimeout = 504;
