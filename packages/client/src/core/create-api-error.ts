import { problemMediaType, retryAfterHeader, type ProblemDetails } from "@lucca-api/types";
import * as httpStatus from "./http-status.ts";
import { parseRetryAfter } from "./retry-after.ts";
import { redactUrl } from "./redact.ts";
import { ApiError, type ApiErrorInit } from "../errors/api-error.ts";
import { AuthenticationError } from "../errors/authentication-error.ts";
import { BadRequestError } from "../errors/bad-request-error.ts";
import { ContentTooLargeError } from "../errors/content-too-large-error.ts";
import { NotFoundError } from "../errors/not-found-error.ts";
import { PermissionDeniedError } from "../errors/permission-denied-error.ts";
import { PreconditionFailedError } from "../errors/precondition-failed-error.ts";
import { RateLimitError } from "../errors/rate-limit-error.ts";
import { ServerError } from "../errors/server-error.ts";

/** What a person can do about each status, appended to the server's own words. */
const hints: Record<number, string> = {
  [httpStatus.badRequest]: "Fix what the API named and send again.",
  [httpStatus.unauthorized]: "Check the `auth` option: the API refused its access token.",
  [httpStatus.forbidden]: "Give the client the scope this needs (`auth.scopes`), or use a link you have access to.",
  [httpStatus.notFound]: "Check the id, or pass the whole link `href` with its `token`.",
  [httpStatus.preconditionFailed]: "The ETag is not the file's current one (If-Match compares strongly): read the file again.",
  [httpStatus.contentTooLarge]: "Send a smaller file.",
  [httpStatus.tooManyRequests]: "Wait `retryAfter` ms before the next request.",
};

/** The class of each status that has its own (429 is `RateLimitError`, with its `retryAfter`). */
const classes: Record<number, new (init: ApiErrorInit) => ApiError> = {
  [httpStatus.badRequest]: BadRequestError,
  [httpStatus.unauthorized]: AuthenticationError,
  [httpStatus.forbidden]: PermissionDeniedError,
  [httpStatus.notFound]: NotFoundError,
  [httpStatus.preconditionFailed]: PreconditionFailedError,
  [httpStatus.contentTooLarge]: ContentTooLargeError,
};

/**
 * Turns an error answer into the matching class of the hierarchy. `body` is what
 * openapi-fetch put in `error` (the parsed problem, or text when it was not JSON).
 */
export function createApiError(response: Response, body: unknown, method: string): ApiError {
  const status = response.status;
  const problem = readProblem(response, body);
  const init: ApiErrorInit = {
    status,
    problem,
    headers: response.headers,
    method,
    url: redactUrl(response.url),
    hint: hints[status] ?? (status >= 500 ? "Retry later (the client already retried what was safe)." : ""),
  };
  if (status === httpStatus.tooManyRequests) return new RateLimitError({ ...init, retryAfter: parseRetryAfter(response.headers.get(retryAfterHeader)) });
  const ErrorClass = classes[status] ?? (status >= 500 ? ServerError : ApiError);
  return new ErrorClass(init);
}

function readProblem(response: Response, body: unknown): ProblemDetails | undefined {
  const mediaType = response.headers.get("Content-Type")?.split(";")[0]?.trim();
  if (body && typeof body === "object" && (mediaType === problemMediaType || "title" in body)) return body as ProblemDetails;
  return undefined;
}
