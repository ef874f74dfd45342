// Generated from spec/ by packages/types/scripts/generate.ts. Do not edit: run `npm run generate`.

export interface paths {
    "/lucca-api/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a file
         * @description Upload a file in order to reference it as the attachment of another resource (e.g. a
         *     portrait).
         *
         *     Send `multipart/form-data` with one part named `form` holding the file. The part's
         *     content type must be one of the accepted values of the `FileContentType` schema (the
         *     part's `contentType` lists them too): `image/jpeg` is **not** one of them, send JPEG pictures as
         *     `image/jpg`. The body may not exceed 100 MB.
         *
         *     **Beta**: "This API endpoint is in beta and may be subject to changes, including
         *     breaking changes, without prior notice."
         */
        post: operations["uploadFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/lucca-api/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve a file
         * @description Retrieve a file, either its JSON representation or its content, from the same URL.
         *
         *     The `token` query parameter is required: take the whole `href` of the link that the
         *     referencing resource (or the upload, with `include=links`) hands out.
         *
         *     **Which representation comes back** is chosen by `disposition` when it is sent, or
         *     else by the request's `Accept` header (content negotiation, RFC 9110 section 12.5.1;
         *     a standard header, so not listed as a parameter):
         *
         *     | `Accept` | answer |
         *     |---|---|
         *     | absent, `application/json` or `*\/*` | the JSON representation (`application/json`) |
         *     | `application/octet-stream` | the content, as `application/octet-stream` |
         *     | the file's own content type (e.g. `application/pdf`) | the content, in that type |
         *     | `images/*` (sic, the spelling of Lucca's documentation) | a preview, when possible |
         *
         *     Not documented by Lucca: when nothing matches, this description assumes
         *     `406 Not Acceptable`. `disposition` supersedes `Accept`, for clients that cannot set
         *     headers; leave it out to let `Accept` decide.
         *
         *     **Beta**: "This API endpoint is in beta and may be subject to changes, including
         *     breaking changes, without prior notice."
         */
        get: operations["retrieveFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /**
         * Retrieve a file's headers
         * @description The headers that `GET` on the same URL answers, without the body (RFC 9110, section
         *     9.3.2): check that a file exists, or revalidate a cached copy with `If-None-Match`,
         *     without downloading it. Lucca documents `If-None-Match` on `GET` and `HEAD`.
         *
         *     The same parameters and the same negotiation (`Accept`, `disposition`) as `GET`
         *     apply, with the same statuses; no answer has a body, errors included.
         *
         *     **Beta**: "This API endpoint is in beta and may be subject to changes, including
         *     breaking changes, without prior notice."
         */
        head: operations["retrieveFileHeaders"];
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * ApiVersion
         * Format: date
         * @description The date of the version of the API a request is written against, `YYYY-MM-DD`. Any
         *     date is valid: a date between two versions resolves to the closest earlier version
         *     (so `2025-03-15` means `2024-11-01` today); a date before the first version is
         *     refused with `400`.
         *
         *     The versions this reference describes are listed in `x-extensible-enum` (an open
         *     list: Lucca adds versions over time), newest last.
         * @example 2024-11-01
         * @example 2025-03-15
         */
        ApiVersion: string;
        /**
         * UploadFileRequest
         * @description The multipart body of an upload, with the file in its one part, `form`. Not documented
         *     by Lucca: whether other parts are accepted; this description assumes they are not.
         * @example {
         *       "form": "(the bytes of pic.jpg)"
         *     }
         */
        UploadFileRequest: {
            /**
             * Format: binary
             * @description The file. The part's `Content-Type` must be one of the accepted content types
             *     (see the `FileContentType` schema) and its `Content-Disposition` should carry
             *     the file's name, which becomes the File's `fileName`.
             */
            form: Blob;
        };
        /**
         * FileContentType
         * @description Indicates the content-type of the file. Refer to the enum values to figure out which
         *     are accepted: an upload whose part has another content type is refused.
         *
         *     The list is Lucca's, verbatim and in its order. Note that `image/jpeg` is **not** in it:
         *     send a JPEG as `image/jpg` (or `image/pjpeg`, `image/jpe`). Nor is
         *     `application/octet-stream`: send unknown binary content as `binary/octet-stream`.
         * @example image/jpg
         * @example application/pdf
         * @enum {string}
         */
        FileContentType: "message/rfc822" | "binary/octet-stream" | "unknown/unknown" | "audio/mpeg" | "video/mp4" | "image/png" | "image/heic" | "image/heif" | "image/jpe" | "image/jpg" | "image/pjpeg" | "image/gif" | "image/bmp" | "image/tif" | "image/tiff" | "image/x-dcraw" | "image/x-jb2" | "image/x-jbig2" | "image/x-jpf" | "image/x-ms-bmp" | "image/x-panasonic-raw" | "image/x-pcx" | "image/x-icon" | "image/x-png" | "image/vnd.microsoft.icon" | "image/webp" | "image/svg+xml" | "image/x-portable-anymap" | "text/plain" | "text/csv" | "text/rtf" | "text/calendar" | "text/comma-separated-values" | "text/css" | "text/html" | "text/xml" | "text/markdown" | "text/x-affix" | "application/pdf" | "application/msword" | "application/xls" | "application/x-csv" | "application/ms-excel" | "application/vnd.ms-office" | "application/vnd.ms-word" | "application/vnd.ms-outlook" | "application/vnd.ms-powerpoint" | "application/vnd.ms-excel" | "application/vnd.ms-excel.sheet.binary.macroEnabled.12" | "application/vnd.ms-excel.sheet.macroEnabled.12" | "application/vnd.ms-pki.stl" | "application/vnd.ms-xpsdocument" | "application/vnd.oasis.opendocument.text" | "application/vnd.oasis.opendocument.spreadsheet" | "application/vnd.oasis.opendocument.presentation" | "application/vnd.oasis.opendocument.graphics" | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" | "application/vnd.openxmlformats-officedocument.presentationml.presentation" | "application/vnd.openxmlformats-officedocument.presentationml.slideshow" | "application/vnd.openxmlformats-officedocument.presentationml.template" | "application/x-7z-compressed" | "application/rar" | "application/x-rar" | "application/zip" | "application/andrew-inset" | "application/binary" | "application/csv" | "application/download" | "application/force-download" | "application/x-download" | "application/hta" | "application/javascript" | "application/json" | "application/mac-binhex40" | "application/oleobject" | "application/pkcs7-signature" | "application/postscript" | "application/rtf" | "application/text" | "application/txt" | "application/unknown" | "application/x-iwork-keynote-sffkey" | "application/x-ms-application" | "application/x-ms-manifest" | "application/x-msdownload" | "application/x-pdf" | "application/x-unknown" | "application/x-zip-compressed" | "application/xml" | "application/x-wine-extension-ini" | "application/vnd.hp-hpgl" | "application/x-sega-pico-rom";
        /**
         * Link
         * @description A link to a related resource or action.
         * @example {
         *       "href": "https://example.ilucca.net/lucca-api/files/2face165-5345-4cf3-ab05-5421a6b19df2?token=eyJhbGciOiJIUzI1NiJ9.e30.c2ln"
         *     }
         */
        Link: {
            /**
             * Format: uri
             * @description The absolute URL of the linked resource or action.
             * @example https://example.ilucca.net/lucca-api/files/2face165-5345-4cf3-ab05-5421a6b19df2?token=eyJhbGciOiJIUzI1NiJ9.e30.c2ln
             */
            href: string;
        };
        /**
         * Links
         * @description Links to related resources or actions, filled when `include=links` is asked, keyed by
         *     relation. A link is `null` when you do not have access to the resource (or action).
         *
         *     Not documented by Lucca for files: which relations a file has. This description
         *     assumes `self`, whose `href` is the file's URL with its access `token`, ready to be
         *     used with `GET /lucca-api/files/{id}`.
         * @example {
         *       "self": {
         *         "href": "https://example.ilucca.net/lucca-api/files/2face165-5345-4cf3-ab05-5421a6b19df2?token=eyJhbGciOiJIUzI1NiJ9.e30.c2ln"
         *       }
         *     }
         */
        Links: {
            self?: components["schemas"]["Link"] | null;
        } & {
            [key: string]: components["schemas"]["Link"] | null;
        };
        /**
         * Embedded
         * @description Embedded resources for a file, filled when `include=embedded` is asked: a dictionary
         *     keyed by resource type, then by id. Entries may be partial, stale, or left out when
         *     you do not have access to them. Their properties are not documented for files.
         * @example {}
         * @example {
         *       "employees": {
         *         "416": {
         *           "id": 416,
         *           "name": "Ada Lovelace"
         *         }
         *       }
         *     }
         */
        Embedded: {
            [key: string]: {
                [key: string]: {
                    [key: string]: unknown;
                };
            };
        };
        /**
         * FileObject
         * @description JSON representation of a file (named `FileObject`, not `File`, so that generated code
         *     does not shadow the platform's `File`, the Blob that uploads take). Its content is
         *     downloaded from the same URL with `Accept: application/octet-stream` (or
         *     `disposition=attachment`).
         *
         *     Not documented by Lucca: which properties are always present. This description
         *     assumes `id`, `type`, `url`, `fileName`, `contentType` and `createdAt` are; `links`
         *     and `embedded` are filled when `include` asks for them.
         * @example {
         *       "id": "2face165-5345-4cf3-ab05-5421a6b19df2",
         *       "type": "file",
         *       "url": "https://example.ilucca.net/lucca-api/files/2face165-5345-4cf3-ab05-5421a6b19df2",
         *       "fileName": "pic.jpg",
         *       "contentType": "image/jpg",
         *       "createdAt": "2024-01-15T08:30:00Z",
         *       "links": {},
         *       "embedded": {}
         *     }
         */
        FileObject: {
            /**
             * Format: uuid
             * @description Unique id of the file, the `id` of its URL.
             * @example 2face165-5345-4cf3-ab05-5421a6b19df2
             */
            id: string;
            /**
             * @description The type of the resource, always `file`.
             * @example file
             * @constant
             */
            type: "file";
            /**
             * @description The URL of the file. Downloading its content also needs the access `token` that
             *     the links of the referencing resource carry.
             * @example https://example.ilucca.net/lucca-api/files/2face165-5345-4cf3-ab05-5421a6b19df2
             */
            url: string;
            /**
             * @description The name of the file, as uploaded.
             * @example pic.jpg
             */
            fileName: string;
            /**
             * @description The content type of the file: one of the accepted values of the
             *     `FileContentType` schema today. Open on purpose: a type Lucca accepts tomorrow
             *     must not break a strict parser generated today, so read any string (the generated
             *     TypeScript type still offers the known values).
             * @example image/jpg
             */
            contentType: components["schemas"]["FileContentType"] | string;
            /**
             * Format: date-time
             * @description Read-only. UTC timestamp of the moment this object was created.
             * @example 2023-01-23T12:45:23.1234Z
             */
            readonly createdAt: string;
            links?: components["schemas"]["Links"];
            embedded?: components["schemas"]["Embedded"];
        };
        /**
         * ProblemDetails
         * @description An error, as RFC 7807 problem details (`application/problem+json`). Validation
         *     errors (`400`) name each offending field in `errors`.
         *
         *     Not documented by Lucca: which members are always present; this description assumes
         *     `title` and `status` are.
         * @example {
         *       "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
         *       "title": "One or more validation errors occurred.",
         *       "status": 400,
         *       "detail": "Invalid request: Api-Version.",
         *       "errors": {
         *         "Api-Version": [
         *           "Header 'Api-Version' is required. Send one of: 2024-11-01 (or a later date, which resolves to the closest earlier version)."
         *         ]
         *       }
         *     }
         */
        ProblemDetails: {
            /**
             * Format: uri-reference
             * @description A URI reference that identifies the problem type.
             * @example https://tools.ietf.org/html/rfc9110#section-15.5.1
             */
            type?: string;
            /**
             * @description A short, human-readable summary of the problem type.
             * @example One or more validation errors occurred.
             */
            title: string;
            /**
             * @description The HTTP status code of the answer.
             * @example 400
             */
            status: number;
            /**
             * @description A human-readable explanation specific to this occurrence of the problem.
             * @example Invalid request: Api-Version.
             */
            detail?: string;
            /**
             * @description A URI reference that identifies this occurrence of the problem.
             * @example /lucca-api/files
             */
            instance?: string;
            /**
             * @description The messages of each offending field, keyed by the field's name.
             * @example {
             *       "Api-Version": [
             *         "Header 'Api-Version' is required. Send one of: 2024-11-01 (or a later date, which resolves to the closest earlier version)."
             *       ]
             *     }
             */
            errors?: {
                [key: string]: string[];
            };
            /**
             * @description Not documented by Lucca; this description assumes the identifier of the request,
             *     to quote when you ask for support.
             * @example 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01
             */
            traceId?: string;
        } & {
            [key: string]: unknown;
        };
        /**
         * FileContent
         * Format: binary
         * @description The raw content of a file, byte for byte as it was uploaded.
         * @example Hello, Lucca!
         */
        FileContent: Blob;
    };
    responses: {
        /** @description Bad request: a parameter, a header or the body is invalid. `errors` names each offending field. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                 *       "title": "One or more validation errors occurred.",
                 *       "status": 400,
                 *       "detail": "Invalid request: Api-Version.",
                 *       "errors": {
                 *         "Api-Version": [
                 *           "Header 'Api-Version' is required. Send one of: 2024-11-01 (or a later date, which resolves to the closest earlier version)."
                 *         ]
                 *       },
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The access token is missing, invalid or expired. Get a new one from the token endpoint. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.5.2",
                 *       "title": "Unauthorized",
                 *       "status": 401,
                 *       "detail": "The Authorization header is missing: send 'Authorization: Bearer <access_token>' with a token from the token endpoint.",
                 *       "errors": {
                 *         "Authorization": [
                 *           "The Authorization header is missing: send 'Authorization: Bearer <access_token>' with a token from the token endpoint."
                 *         ]
                 *       },
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The access token lacks the scope this operation needs, or you do not have access to this file. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.5.4",
                 *       "title": "Forbidden",
                 *       "status": 403,
                 *       "detail": "This operation needs the scope files.readwrite; the token has files.readonly.",
                 *       "errors": {
                 *         "Authorization": [
                 *           "This operation needs the scope files.readwrite; the token has files.readonly."
                 *         ]
                 *       },
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The server did not complete the request within its time limit (5 seconds). Retry it. */
        RequestTimeout: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.5.9",
                 *       "title": "Request Timeout",
                 *       "status": 408,
                 *       "detail": "The request took longer than 5 seconds.",
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description `If-Match` does not match the file's current `ETag` by the strong comparison (RFC 9110,
         *     section 13.1.1): a weak tag never does.
         */
        PreconditionFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.5.13",
                 *       "title": "Precondition Failed",
                 *       "status": 412,
                 *       "detail": "If-Match W/\"q5sd4w2x1c1gfdg\" holds a weak entity tag, and If-Match uses the strong comparison (RFC 9110, section 13.1.1): a weak tag never matches, not even the current ETag W/\"q5sd4w2x1c1gfdg\". Send If-Match: * to require only that the file exists, or no If-Match.",
                 *       "errors": {
                 *         "If-Match": [
                 *           "If-Match W/\"q5sd4w2x1c1gfdg\" holds a weak entity tag, and If-Match uses the strong comparison (RFC 9110, section 13.1.1): a weak tag never matches, not even the current ETag W/\"q5sd4w2x1c1gfdg\". Send If-Match: * to require only that the file exists, or no If-Match."
                 *         ]
                 *       },
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The request body is over the limit (100 MB). */
        ContentTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.5.14",
                 *       "title": "Content Too Large",
                 *       "status": 413,
                 *       "detail": "The request body is over 104857600 bytes.",
                 *       "errors": {
                 *         "body": [
                 *           "The request body is over 104857600 bytes."
                 *         ]
                 *       },
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Not documented by Lucca; this description assumes `415` when the body is not `multipart/form-data`. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.5.16",
                 *       "title": "Unsupported Media Type",
                 *       "status": 415,
                 *       "detail": "Content-Type 'text/plain' is not accepted: send multipart/form-data with one part named 'form' holding the file.",
                 *       "errors": {
                 *         "Content-Type": [
                 *           "Content-Type 'text/plain' is not accepted: send multipart/form-data with one part named 'form' holding the file."
                 *         ]
                 *       },
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Too many requests: 50 a minute at most. Wait for `Retry-After` before the next one. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc6585#section-4",
                 *       "title": "Too Many Requests",
                 *       "status": 429,
                 *       "detail": "Over 50 requests a minute for client demo. Retry after 30 seconds.",
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The request's headers are over the limit (8 KB). */
        RequestHeaderFieldsTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc6585#section-5",
                 *       "title": "Request Header Fields Too Large",
                 *       "status": 431,
                 *       "detail": "The request headers are over 8192 bytes.",
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description An unexpected error on the server. Retrying may help; quote `traceId` when asking for support. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.6.1",
                 *       "title": "Internal Server Error",
                 *       "status": 500,
                 *       "detail": "An unexpected error occurred.",
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The service is temporarily unavailable. Retry later, after `Retry-After` when present. */
        ServiceUnavailable: {
            headers: {
                /**
                 * @description How long to wait before a new attempt, when the server knows. Not documented by
                 *     Lucca for `503`; this description assumes it may be sent, as RFC 9110 allows.
                 * @example 120
                 */
                "Retry-After"?: string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                 *       "title": "Service Unavailable",
                 *       "status": 503,
                 *       "detail": "The service is under maintenance.",
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /**
         * @description No file has this id, or its access token does not match it. Not documented by Lucca:
         *     the answer to a token that does not match; this description assumes `404`, which
         *     tells nothing about which files exist.
         */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.5.5",
                 *       "title": "Not Found",
                 *       "status": 404,
                 *       "detail": "No file has the id 2face165-5345-4cf3-ab05-5421a6b19df2, or the token is not this file's: use the href of links.self as it is.",
                 *       "errors": {
                 *         "id": [
                 *           "No file has the id 2face165-5345-4cf3-ab05-5421a6b19df2, or the token is not this file's: use the href of links.self as it is."
                 *         ]
                 *       },
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Not documented by Lucca; this description assumes `406` when neither `Accept` nor `disposition` can be satisfied. */
        NotAcceptable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.5.7",
                 *       "title": "Not Acceptable",
                 *       "status": 406,
                 *       "detail": "Accept 'video/mp4' matches neither the JSON representation (application/json) nor the file's content (application/octet-stream or image/png); or use the disposition query parameter.",
                 *       "errors": {
                 *         "Accept": [
                 *           "Accept 'video/mp4' matches neither the JSON representation (application/json) nor the file's content (application/octet-stream or image/png); or use the disposition query parameter."
                 *         ]
                 *       },
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Not documented by Lucca; this description assumes `416` when the `Range` lies outside the content. */
        RangeNotSatisfiable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "https://tools.ietf.org/html/rfc9110#section-15.5.17",
                 *       "title": "Range Not Satisfiable",
                 *       "status": 416,
                 *       "detail": "The Range bytes=5000- is outside the content (1024 bytes).",
                 *       "errors": {
                 *         "Range": [
                 *           "The Range bytes=5000- is outside the content (1024 bytes)."
                 *         ]
                 *       },
                 *       "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                 *     }
                 */
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
    };
    parameters: {
        /**
         * @description Set the API version. Absolutely required on every request.
         *
         *     Any date is accepted: a date between two versions resolves to the closest earlier
         *     version (so `2025-03-15` means `2024-11-01` today). Deprecated versions answer with
         *     the `Deprecation` and `Sunset` headers; a version is supported for 12 months at least,
         *     with 6 months' notice. Beta endpoints, as both file operations are, are not covered
         *     by that promise.
         * @example 2024-11-01
         */
        ApiVersionHeader: components["schemas"]["ApiVersion"];
        /**
         * @description Only execute the request if current cached version of the resource does not match
         *     the one given here. On `GET`, a match answers `304 Not Modified` with no body.
         * @example W/"q5sd4w2x1c1gfdg"
         */
        IfNoneMatch: string;
        /**
         * @description Only execute the request if current cached version of the resource matches the one
         *     given here. Useful to avoid concurrency conflicts. A mismatch answers
         *     `412 Precondition Failed`.
         *
         *     Not documented by Lucca: how the tags are compared; this description assumes RFC 9110's
         *     strong comparison (section 13.1.1), under which a weak tag (`W/"…"`) never matches, not
         *     even the current one. Every `ETag` of this API is weak, so `If-Match` with one of them
         *     answers `412`; `*` matches whenever the file exists.
         * @example *
         */
        IfMatch: string;
        /**
         * @description List of compression algorithms you support.
         * @example gzip, br
         */
        AcceptEncoding: string;
        /**
         * @description Include metadata, comma-joined in one parameter (`?include=embedded,links`):
         *
         *     - `embedded`: the partial or complete representations of related resources (e.g.
         *       the employee the resource belongs to). They may be partial, stale, or left out when
         *       you do not have access to them.
         *     - `links`: links to related resources or actions (e.g. approving a leave-request).
         *       A link may be `null` when you do not have access to the resource (or action).
         *     - `totalCount`: only applicable on collections (i.e. lists of resources), gives the
         *       total number of items across all pages.
         * @example [
         *       "embedded",
         *       "links"
         *     ]
         */
        Include: ("embedded" | "links" | "totalCount")[];
        /**
         * @description Unique id of the file.
         * @example 2face165-5345-4cf3-ab05-5421a6b19df2
         */
        FileId: string;
        /**
         * @description The token allowing to access the file. This token can only be obtained via the links
         *     of the API resource that references this file: for example, an employee read with
         *     `?include=links` has `links.portrait.href` set to
         *     `https://example.ilucca.net/lucca-api/files/{id}?token=eyJ…`. Use that `href` as it is.
         *
         *     Not documented by Lucca: the token's format and lifetime. Treat it as opaque and
         *     short-lived.
         * @example eyJhbGciOiJIUzI1NiJ9.eyJmaWxlIjoiMmZhY2UxNjUifQ.c2lnbmF0dXJl
         */
        FileToken: string;
        /**
         * @description Specifies how the file should be handled by the client. Supersedes the `Accept`
         *     header when possible. To be used whenever the API client cannot set custom `Accept`
         *     headers.
         *
         *     - `json`: the file's JSON representation.
         *     - `inline`: the content, to be displayed in a browser when possible.
         *     - `attachment`: the content, to be downloaded.
         *
         *     Leave it out to let the `Accept` header decide (see the operation). It has no
         *     default: sending `json` is not the same as sending nothing, since `json` overrides
         *     `Accept: application/octet-stream`.
         * @example attachment
         */
        Disposition: "json" | "inline" | "attachment";
        /**
         * @description Not documented by Lucca; this description assumes byte ranges (RFC 9110, section
         *     14.2) on content downloads, so that an interrupted download can resume. A single
         *     range is supported; the answer is `206 Partial Content`. Ignored for the JSON
         *     representation.
         * @example bytes=1048576-
         */
        RangeHeader: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description A weak entity tag of the representation sent. Send it back in `If-None-Match` to
         *     revalidate a cached copy (`304`). Not in `If-Match`, which compares strongly (RFC 9110,
         *     section 13.1.1): a weak tag never matches there, and answers `412`.
         *
         *     Lucca documents a weak `ETag` on most `GET` answers. Not documented by Lucca: which
         *     answers carry one; this description assumes every answer about a file does, the
         *     upload's `201` included, whose tag is the JSON representation's. Not documented by
         *     Lucca either: this description assumes each representation of a file has its own tag
         *     (RFC 9110, section 8.8.3), so the JSON's tag never validates the content, nor the
         *     content's the JSON. (The docs' example, `"W/q5sd4w2x1c1gfdg"`, puts the quotes around
         *     the `W/`; this description uses the RFC 9110 form, `W/"…"`.)
         * @example W/"q5sd4w2x1c1gfdg"
         */
        ETag: string;
        /**
         * @description Not documented by Lucca; this description assumes the URL of the new file, as the
         *     File's `url`.
         * @example https://example.ilucca.net/lucca-api/files/2face165-5345-4cf3-ab05-5421a6b19df2
         */
        LocationHeader: string;
        /**
         * @description Present when the `Api-Version` of the request is deprecated: the moment it was
         *     deprecated. Not documented by Lucca: its format; this description assumes RFC 9745's
         *     structured date (`@` and Unix seconds).
         * @example @1735689600
         */
        Deprecation: string;
        /**
         * @description Present when the `Api-Version` of the request is deprecated: the HTTP date after
         *     which it stops being served. Not documented by Lucca: its format; this description
         *     assumes RFC 8594's HTTP date.
         * @example Sat, 01 Nov 2025 00:00:00 GMT
         */
        Sunset: string;
        /**
         * @description How long to wait before a new attempt: a number of seconds, or an HTTP date
         *     (RFC 9110, section 10.2.3). Respect it.
         * @example 30
         */
        RetryAfter: string;
        /**
         * @description `Accept`, when `Accept` chose the representation (no `disposition` in the URL): a cache
         *     must then key the answer on `Accept` as well as on the URL, so that the JSON is never
         *     served as the file's content or the other way round (RFC 9110, section 12.5.5).
         *     Not documented by Lucca; this description assumes it, since the same URL answers with
         *     the JSON or the content depending on `Accept`.
         * @example Accept
         */
        Vary: string;
        /**
         * @description The byte range of the content sent, and the content's full length (RFC 9110, section 14.4).
         * @example bytes 1048576-2097151/2097152
         */
        ContentRange: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    uploadFile: {
        parameters: {
            query?: {
                /**
                 * @description Include metadata, comma-joined in one parameter (`?include=embedded,links`):
                 *
                 *     - `embedded`: the partial or complete representations of related resources (e.g.
                 *       the employee the resource belongs to). They may be partial, stale, or left out when
                 *       you do not have access to them.
                 *     - `links`: links to related resources or actions (e.g. approving a leave-request).
                 *       A link may be `null` when you do not have access to the resource (or action).
                 *     - `totalCount`: only applicable on collections (i.e. lists of resources), gives the
                 *       total number of items across all pages.
                 * @example [
                 *       "embedded",
                 *       "links"
                 *     ]
                 */
                include?: components["parameters"]["Include"];
            };
            header: {
                /**
                 * @description Set the API version. Absolutely required on every request.
                 *
                 *     Any date is accepted: a date between two versions resolves to the closest earlier
                 *     version (so `2025-03-15` means `2024-11-01` today). Deprecated versions answer with
                 *     the `Deprecation` and `Sunset` headers; a version is supported for 12 months at least,
                 *     with 6 months' notice. Beta endpoints, as both file operations are, are not covered
                 *     by that promise.
                 * @example 2024-11-01
                 */
                "Api-Version": components["parameters"]["ApiVersionHeader"];
                /**
                 * @description Only execute the request if current cached version of the resource does not match
                 *     the one given here. On `GET`, a match answers `304 Not Modified` with no body.
                 * @example W/"q5sd4w2x1c1gfdg"
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description Only execute the request if current cached version of the resource matches the one
                 *     given here. Useful to avoid concurrency conflicts. A mismatch answers
                 *     `412 Precondition Failed`.
                 *
                 *     Not documented by Lucca: how the tags are compared; this description assumes RFC 9110's
                 *     strong comparison (section 13.1.1), under which a weak tag (`W/"…"`) never matches, not
                 *     even the current one. Every `ETag` of this API is weak, so `If-Match` with one of them
                 *     answers `412`; `*` matches whenever the file exists.
                 * @example *
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description List of compression algorithms you support.
                 * @example gzip, br
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description The file, in the multipart part named `form`. */
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["UploadFileRequest"];
            };
        };
        responses: {
            /**
             * @description File successfully uploaded. (Status not documented by Lucca; this description
             *     assumes `201 Created`, as Lucca's older upload endpoint answers.)
             */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location?: components["headers"]["LocationHeader"];
                    Deprecation?: components["headers"]["Deprecation"];
                    Sunset?: components["headers"]["Sunset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileObject"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            408: components["responses"]["RequestTimeout"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["RequestHeaderFieldsTooLarge"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveFile: {
        parameters: {
            query: {
                /**
                 * @description The token allowing to access the file. This token can only be obtained via the links
                 *     of the API resource that references this file: for example, an employee read with
                 *     `?include=links` has `links.portrait.href` set to
                 *     `https://example.ilucca.net/lucca-api/files/{id}?token=eyJ…`. Use that `href` as it is.
                 *
                 *     Not documented by Lucca: the token's format and lifetime. Treat it as opaque and
                 *     short-lived.
                 * @example eyJhbGciOiJIUzI1NiJ9.eyJmaWxlIjoiMmZhY2UxNjUifQ.c2lnbmF0dXJl
                 */
                token: components["parameters"]["FileToken"];
                /**
                 * @description Specifies how the file should be handled by the client. Supersedes the `Accept`
                 *     header when possible. To be used whenever the API client cannot set custom `Accept`
                 *     headers.
                 *
                 *     - `json`: the file's JSON representation.
                 *     - `inline`: the content, to be displayed in a browser when possible.
                 *     - `attachment`: the content, to be downloaded.
                 *
                 *     Leave it out to let the `Accept` header decide (see the operation). It has no
                 *     default: sending `json` is not the same as sending nothing, since `json` overrides
                 *     `Accept: application/octet-stream`.
                 * @example attachment
                 */
                disposition?: components["parameters"]["Disposition"];
                /**
                 * @description Include metadata, comma-joined in one parameter (`?include=embedded,links`):
                 *
                 *     - `embedded`: the partial or complete representations of related resources (e.g.
                 *       the employee the resource belongs to). They may be partial, stale, or left out when
                 *       you do not have access to them.
                 *     - `links`: links to related resources or actions (e.g. approving a leave-request).
                 *       A link may be `null` when you do not have access to the resource (or action).
                 *     - `totalCount`: only applicable on collections (i.e. lists of resources), gives the
                 *       total number of items across all pages.
                 * @example [
                 *       "embedded",
                 *       "links"
                 *     ]
                 */
                include?: components["parameters"]["Include"];
            };
            header: {
                /**
                 * @description Set the API version. Absolutely required on every request.
                 *
                 *     Any date is accepted: a date between two versions resolves to the closest earlier
                 *     version (so `2025-03-15` means `2024-11-01` today). Deprecated versions answer with
                 *     the `Deprecation` and `Sunset` headers; a version is supported for 12 months at least,
                 *     with 6 months' notice. Beta endpoints, as both file operations are, are not covered
                 *     by that promise.
                 * @example 2024-11-01
                 */
                "Api-Version": components["parameters"]["ApiVersionHeader"];
                /**
                 * @description Only execute the request if current cached version of the resource does not match
                 *     the one given here. On `GET`, a match answers `304 Not Modified` with no body.
                 * @example W/"q5sd4w2x1c1gfdg"
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description Only execute the request if current cached version of the resource matches the one
                 *     given here. Useful to avoid concurrency conflicts. A mismatch answers
                 *     `412 Precondition Failed`.
                 *
                 *     Not documented by Lucca: how the tags are compared; this description assumes RFC 9110's
                 *     strong comparison (section 13.1.1), under which a weak tag (`W/"…"`) never matches, not
                 *     even the current one. Every `ETag` of this API is weak, so `If-Match` with one of them
                 *     answers `412`; `*` matches whenever the file exists.
                 * @example *
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /**
                 * @description List of compression algorithms you support.
                 * @example gzip, br
                 */
                "Accept-Encoding"?: components["parameters"]["AcceptEncoding"];
                /**
                 * @description Not documented by Lucca; this description assumes byte ranges (RFC 9110, section
                 *     14.2) on content downloads, so that an interrupted download can resume. A single
                 *     range is supported; the answer is `206 Partial Content`. Ignored for the JSON
                 *     representation.
                 * @example bytes=1048576-
                 */
                Range?: components["parameters"]["RangeHeader"];
            };
            path: {
                /**
                 * @description Unique id of the file.
                 * @example 2face165-5345-4cf3-ab05-5421a6b19df2
                 */
                id: components["parameters"]["FileId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description The file, in the representation the request negotiated:
             *
             *     - `application/json`: the JSON representation, for no `Accept`,
             *       `Accept: application/json` or `*\/*`, or `disposition=json`;
             *     - `application/octet-stream`: the content, for `Accept: application/octet-stream`;
             *     - `*\/*`: the content in the file's own content type, for `Accept: <that type>`
             *       or `disposition=inline|attachment`;
             *     - `image/*`: the preview that `Accept: images/*` (the docs' spelling) asks for.
             *
             *     The content comes with `Content-Disposition`. Not documented by Lucca; this
             *     description assumes `200 OK`.
             */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Vary?: components["headers"]["Vary"];
                    /**
                     * @description With the content only: `inline` or `attachment`, as `disposition` asked.
                     *     Not documented by Lucca: the header itself; this description assumes RFC
                     *     6266, with the file's name, encoded with `filename*` (RFC 8187) when it is
                     *     not plain ASCII.
                     * @example attachment; filename="pic.jpg"; filename*=UTF-8''pic.jpg
                     */
                    "Content-Disposition"?: string;
                    Deprecation?: components["headers"]["Deprecation"];
                    Sunset?: components["headers"]["Sunset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileObject"];
                    "application/octet-stream": components["schemas"]["FileContent"];
                    "image/*": components["schemas"]["FileContent"];
                    "*/*": components["schemas"]["FileContent"];
                };
            };
            /**
             * @description Not documented by Lucca; this description assumes byte ranges: part of the
             *     content, as the `Range` header asked.
             */
            206: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    "Content-Range": components["headers"]["ContentRange"];
                    Vary?: components["headers"]["Vary"];
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["FileContent"];
                    "*/*": components["schemas"]["FileContent"];
                };
            };
            /**
             * @description Not modified. `If-None-Match` matches the current `ETag` of the representation
             *     asked for; reuse your copy. Preconditions are evaluated in the order of RFC 9110,
             *     section 13.2.2 (`If-Match`, then `If-None-Match`), and only when the request would
             *     otherwise succeed: a `404`, `406` or `416` wins over them (section 13.2.1).
             */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Vary?: components["headers"]["Vary"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            408: components["responses"]["RequestTimeout"];
            412: components["responses"]["PreconditionFailed"];
            416: components["responses"]["RangeNotSatisfiable"];
            429: components["responses"]["TooManyRequests"];
            431: components["responses"]["RequestHeaderFieldsTooLarge"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveFileHeaders: {
        parameters: {
            query: {
                /**
                 * @description The token allowing to access the file. This token can only be obtained via the links
                 *     of the API resource that references this file: for example, an employee read with
                 *     `?include=links` has `links.portrait.href` set to
                 *     `https://example.ilucca.net/lucca-api/files/{id}?token=eyJ…`. Use that `href` as it is.
                 *
                 *     Not documented by Lucca: the token's format and lifetime. Treat it as opaque and
                 *     short-lived.
                 * @example eyJhbGciOiJIUzI1NiJ9.eyJmaWxlIjoiMmZhY2UxNjUifQ.c2lnbmF0dXJl
                 */
                token: components["parameters"]["FileToken"];
                /**
                 * @description Specifies how the file should be handled by the client. Supersedes the `Accept`
                 *     header when possible. To be used whenever the API client cannot set custom `Accept`
                 *     headers.
                 *
                 *     - `json`: the file's JSON representation.
                 *     - `inline`: the content, to be displayed in a browser when possible.
                 *     - `attachment`: the content, to be downloaded.
                 *
                 *     Leave it out to let the `Accept` header decide (see the operation). It has no
                 *     default: sending `json` is not the same as sending nothing, since `json` overrides
                 *     `Accept: application/octet-stream`.
                 * @example attachment
                 */
                disposition?: components["parameters"]["Disposition"];
            };
            header: {
                /**
                 * @description Set the API version. Absolutely required on every request.
                 *
                 *     Any date is accepted: a date between two versions resolves to the closest earlier
                 *     version (so `2025-03-15` means `2024-11-01` today). Deprecated versions answer with
                 *     the `Deprecation` and `Sunset` headers; a version is supported for 12 months at least,
                 *     with 6 months' notice. Beta endpoints, as both file operations are, are not covered
                 *     by that promise.
                 * @example 2024-11-01
                 */
                "Api-Version": components["parameters"]["ApiVersionHeader"];
                /**
                 * @description Only execute the request if current cached version of the resource does not match
                 *     the one given here. On `GET`, a match answers `304 Not Modified` with no body.
                 * @example W/"q5sd4w2x1c1gfdg"
                 */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /**
                 * @description Only execute the request if current cached version of the resource matches the one
                 *     given here. Useful to avoid concurrency conflicts. A mismatch answers
                 *     `412 Precondition Failed`.
                 *
                 *     Not documented by Lucca: how the tags are compared; this description assumes RFC 9110's
                 *     strong comparison (section 13.1.1), under which a weak tag (`W/"…"`) never matches, not
                 *     even the current one. Every `ETag` of this API is weak, so `If-Match` with one of them
                 *     answers `412`; `*` matches whenever the file exists.
                 * @example *
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description Unique id of the file.
                 * @example 2face165-5345-4cf3-ab05-5421a6b19df2
                 */
                id: components["parameters"]["FileId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description The headers of the `GET` answer: `Content-Type` and `Content-Length` of the
             *     negotiated representation, its `ETag` and, for the content, `Content-Disposition`.
             */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Vary?: components["headers"]["Vary"];
                    /**
                     * @description With the content only, as on `GET`.
                     * @example attachment; filename="pic.jpg"; filename*=UTF-8''pic.jpg
                     */
                    "Content-Disposition"?: string;
                    Deprecation?: components["headers"]["Deprecation"];
                    Sunset?: components["headers"]["Sunset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description Not modified. `If-None-Match` matches the current `ETag` of the representation
             *     asked for; reuse your copy. Preconditions are evaluated as on `GET`.
             */
            304: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Vary?: components["headers"]["Vary"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter or a header is invalid (no body on `HEAD`; `GET` says which). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The access token is missing, invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The token lacks the scope, or the file's `token` has expired. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No file has this id, or its `token` does not match it. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Neither `Accept` nor `disposition` can be satisfied. */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `If-Match` does not match the file's `ETag`, compared strongly: a weak tag never matches. */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Too many requests; wait for `Retry-After`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
