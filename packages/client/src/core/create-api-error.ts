import { ifMatchParameter, problemMediaType, retryAfterHeader, type ProblemDetails } from "@lucca-api/types";
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

/** What each class's constructor takes: `ApiError`'s, and the `retryAfter` that only `RateLimitError` reads. */
type ErrorInit = ApiErrorInit & { retryAfter: number | undefined };

/**
 * The class of each status that has its own, and what a person can do about it,
 * appended to the server's own words (429 is `RateLimitError`, with its `retryAfter`).
 */
const statuses: Record<number, [new (init: ErrorInit) => ApiError, string]> = {
  [httpStatus.badRequest]: [BadRequestError, "Fix what the API named and send again."],
  [httpStatus.unauthorized]: [AuthenticationError, "Check the `auth` option: the API refused its access token."],
  [httpStatus.forbidden]: [PermissionDeniedError, "Give the client the scope this needs (`auth.scopes`), or use a link you have access to."],
  [httpStatus.notFound]: [NotFoundError, "Check the id, or pass the whole link `href` with its `token`."],
  [httpStatus.preconditionFailed]: [PreconditionFailedError, `${ifMatchParameter.name} needs the file's current strong ETag (a weak W/… one never matches), or '*' for any existing file.`],
  [httpStatus.contentTooLarge]: [ContentTooLargeError, "Send a smaller file."],
  [httpStatus.tooManyRequests]: [RateLimitError, "Wait `retryAfter` ms before the next request."],
};

/**
 * Turns an error answer into the matching class of the hierarchy. `body` is what
 * openapi-fetch put in `error` (the parsed problem, or text when it was not JSON).
 * `hintFor` gives the fix where the caller knows better than the status alone (a link on
 * another origin, sent without the token; a content type the API did not take).
 */
export function createApiError(response: Response, body: unknown, method: string, hintFor?: (status: number) => string | undefined | false): ApiError {
  const status = response.status;
  const [ErrorClass, hint]: [new (init: ErrorInit) => ApiError, string] = statuses[status] ?? (status >= 500 ? [ServerError, "Retry later (the client retried what was safe)."] : [ApiError, ""]);
  const fix = hintFor?.(status) || hint;
  return new ErrorClass({
    status,
    problem: readProblem(response, body),
    headers: response.headers,
    method,
    url: redactUrl(response.url),
    hint: fix,
    // Read by `RateLimitError` only.
    retryAfter: parseRetryAfter(response.headers.get(retryAfterHeader)),
  });
}

function readProblem(response: Response, body: unknown): ProblemDetails | undefined {
  const mediaType = response.headers.get("Content-Type")?.split(";")[0]?.trim();
  if (body && typeof body === "object" && (mediaType === problemMediaType || "title" in body)) return body as ProblemDetails;
  return undefined;
}
