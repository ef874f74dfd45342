// Generated from spec/ by packages/types/scripts/generate.ts. Do not edit: run `npm run generate`.

/** The dated `Api-Version`s the spec describes (the `ApiVersion` schema's `x-extensible-enum`), oldest first. The API accepts any later date too. */
export const apiVersions = [
  "2024-11-01"
] as const;

/** One of the dated API versions the spec describes. */
export type KnownApiVersion = (typeof apiVersions)[number];

/** The newest `Api-Version`: the default of the client. */
export const currentApiVersion = "2024-11-01" as const;

/** The form of any `Api-Version` (a date), as a regular expression source. */
export const apiVersionPattern = "^\\d{4}-\\d{2}-\\d{2}$" as const;

/** The content types the API accepts for an upload (the `FileContentType` schema's enum), in the spec's order. */
export const contentTypes = [
  "message/rfc822",
  "binary/octet-stream",
  "unknown/unknown",
  "audio/mpeg",
  "video/mp4",
  "image/png",
  "image/heic",
  "image/heif",
  "image/jpe",
  "image/jpg",
  "image/pjpeg",
  "image/gif",
  "image/bmp",
  "image/tif",
  "image/tiff",
  "image/x-dcraw",
  "image/x-jb2",
  "image/x-jbig2",
  "image/x-jpf",
  "image/x-ms-bmp",
  "image/x-panasonic-raw",
  "image/x-pcx",
  "image/x-icon",
  "image/x-png",
  "image/vnd.microsoft.icon",
  "image/webp",
  "image/svg+xml",
  "image/x-portable-anymap",
  "text/plain",
  "text/csv",
  "text/rtf",
  "text/calendar",
  "text/comma-separated-values",
  "text/css",
  "text/html",
  "text/xml",
  "text/markdown",
  "text/x-affix",
  "application/pdf",
  "application/msword",
  "application/xls",
  "application/x-csv",
  "application/ms-excel",
  "application/vnd.ms-office",
  "application/vnd.ms-word",
  "application/vnd.ms-outlook",
  "application/vnd.ms-powerpoint",
  "application/vnd.ms-excel",
  "application/vnd.ms-excel.sheet.binary.macroEnabled.12",
  "application/vnd.ms-excel.sheet.macroEnabled.12",
  "application/vnd.ms-pki.stl",
  "application/vnd.ms-xpsdocument",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.oasis.opendocument.presentation",
  "application/vnd.oasis.opendocument.graphics",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.openxmlformats-officedocument.presentationml.slideshow",
  "application/vnd.openxmlformats-officedocument.presentationml.template",
  "application/x-7z-compressed",
  "application/rar",
  "application/x-rar",
  "application/zip",
  "application/andrew-inset",
  "application/binary",
  "application/csv",
  "application/download",
  "application/force-download",
  "application/x-download",
  "application/hta",
  "application/javascript",
  "application/json",
  "application/mac-binhex40",
  "application/oleobject",
  "application/pkcs7-signature",
  "application/postscript",
  "application/rtf",
  "application/text",
  "application/txt",
  "application/unknown",
  "application/x-iwork-keynote-sffkey",
  "application/x-ms-application",
  "application/x-ms-manifest",
  "application/x-msdownload",
  "application/x-pdf",
  "application/x-unknown",
  "application/x-zip-compressed",
  "application/xml",
  "application/x-wine-extension-ini",
  "application/vnd.hp-hpgl",
  "application/x-sega-pico-rom"
] as const;

/** A content type the API accepts for an upload: one of `contentTypes` (the spec's `FileContentType` schema). */
export type ContentType = (typeof contentTypes)[number];

/** The values of the `include` query parameter. */
export const includeValues = [
  "embedded",
  "links",
  "totalCount"
] as const;

/** A value of the `include` query parameter. */
export type IncludeValue = (typeof includeValues)[number];

/** The values of the `disposition` query parameter. */
export const dispositionValues = [
  "json",
  "inline",
  "attachment"
] as const;

/** A value of the `disposition` query parameter. */
export type Disposition = (typeof dispositionValues)[number];

/** Every shared parameter of the spec: its name on the wire, where it goes and, when stated, its serialization (`style`, `explode`). */
export const parameters = {
  "apiVersion": {
    "name": "Api-Version",
    "in": "header"
  },
  "ifNoneMatch": {
    "name": "If-None-Match",
    "in": "header"
  },
  "ifMatch": {
    "name": "If-Match",
    "in": "header"
  },
  "acceptEncoding": {
    "name": "Accept-Encoding",
    "in": "header"
  },
  "include": {
    "name": "include",
    "in": "query",
    "style": "form",
    "explode": false
  },
  "fileId": {
    "name": "id",
    "in": "path"
  },
  "fileToken": {
    "name": "token",
    "in": "query"
  },
  "disposition": {
    "name": "disposition",
    "in": "query"
  },
  "range": {
    "name": "Range",
    "in": "header"
  }
} as const;

/** The names of the response headers the spec describes. */
export const responseHeaders = {
  "eTag": "ETag",
  "location": "Location",
  "deprecation": "Deprecation",
  "sunset": "Sunset",
  "retryAfter": "Retry-After",
  "vary": "Vary",
  "contentDisposition": "Content-Disposition",
  "contentRange": "Content-Range"
} as const;

/** Each operation by operationId: method, path, scopes, media types and statuses. */
export const endpoints = {
  "uploadFile": {
    "method": "POST",
    "path": "/lucca-api/files",
    "beta": true,
    "scopes": [
      [
        "files.readwrite"
      ]
    ],
    "requestMediaTypes": [
      "multipart/form-data"
    ],
    "requestParts": [
      "form"
    ],
    "responses": {
      "201": [
        "application/json"
      ],
      "400": [
        "application/problem+json"
      ],
      "401": [
        "application/problem+json"
      ],
      "403": [
        "application/problem+json"
      ],
      "408": [
        "application/problem+json"
      ],
      "412": [
        "application/problem+json"
      ],
      "413": [
        "application/problem+json"
      ],
      "415": [
        "application/problem+json"
      ],
      "429": [
        "application/problem+json"
      ],
      "431": [
        "application/problem+json"
      ],
      "500": [
        "application/problem+json"
      ],
      "503": [
        "application/problem+json"
      ]
    }
  },
  "retrieveFile": {
    "method": "GET",
    "path": "/lucca-api/files/{id}",
    "beta": true,
    "scopes": [
      [
        "files.readonly"
      ],
      [
        "files.readwrite"
      ]
    ],
    "requestMediaTypes": [],
    "requestParts": [],
    "responses": {
      "200": [
        "application/json",
        "application/octet-stream",
        "image/*",
        "*/*"
      ],
      "206": [
        "application/octet-stream",
        "*/*"
      ],
      "304": [],
      "400": [
        "application/problem+json"
      ],
      "401": [
        "application/problem+json"
      ],
      "403": [
        "application/problem+json"
      ],
      "404": [
        "application/problem+json"
      ],
      "406": [
        "application/problem+json"
      ],
      "408": [
        "application/problem+json"
      ],
      "412": [
        "application/problem+json"
      ],
      "416": [
        "application/problem+json"
      ],
      "429": [
        "application/problem+json"
      ],
      "431": [
        "application/problem+json"
      ],
      "500": [
        "application/problem+json"
      ],
      "503": [
        "application/problem+json"
      ]
    }
  },
  "retrieveFileHeaders": {
    "method": "HEAD",
    "path": "/lucca-api/files/{id}",
    "beta": true,
    "scopes": [
      [
        "files.readonly"
      ],
      [
        "files.readwrite"
      ]
    ],
    "requestMediaTypes": [],
    "requestParts": [],
    "responses": {
      "200": [],
      "304": [],
      "400": [],
      "401": [],
      "403": [],
      "404": [],
      "406": [],
      "412": [],
      "429": []
    }
  }
} as const;

/** An operationId of the spec. */
export type OperationId = keyof typeof endpoints;

/** The media type of error bodies (RFC 7807). */
export const problemMediaType = "application/problem+json" as const;

/** The OAuth 2 client-credentials flow: token URL and scopes. */
export const oauth2 = {
  "tokenUrl": "https://accounts.world.luccasoftware.com/connect/token",
  "scopes": [
    "files.readonly",
    "files.readwrite"
  ]
} as const;

/** An OAuth 2 scope of the API. */
export type Scope = (typeof oauth2.scopes)[number];

/** The limits the API documents (`info.x-lucca-limits`). */
export const limits = {
  "maxRequestBodyBytes": 104857600,
  "maxRequestHeaderBytes": 8192,
  "rateLimitRequestsPerMinute": 50,
  "serverTimeoutSeconds": 5
} as const;

/** The servers of the spec, with their URL templates. */
export const servers = [
  {
    "url": "https://{account}.{environment}.{tld}",
    "description": "A Lucca account, on the host your users open Lucca on: account is its sub-domain (example in example.ilucca.net); environment is ilucca for production, ilucca-test for test, ilucca-demo for demo; tld is ch for accounts hosted in Switzerland, net otherwise."
  },
  {
    "url": "https://{account}-{sandboxName}.sandbox.{region}.luccasoftware.com",
    "description": "A Lucca sandbox of an account: account is the account's sub-domain, sandboxName the sandbox's name, region the region it is hosted in."
  },
  {
    "url": "http://127.0.0.1:4010",
    "description": "The local sandbox of this repository (npm start). Not a Lucca server."
  }
] as const;

/** The spec's server for the local sandbox of this repository (`npm start`): its plain-HTTP loopback URL among `servers`. */
export const localSandboxServerUrl = "http://127.0.0.1:4010" as const;

/** The `Api-Version` header parameter (`parameters.apiVersion`). */
export const apiVersionParameter = {
  "name": "Api-Version",
  "in": "header"
} as const;

/** The `If-None-Match` header parameter (`parameters.ifNoneMatch`). */
export const ifNoneMatchParameter = {
  "name": "If-None-Match",
  "in": "header"
} as const;

/** The `If-Match` header parameter (`parameters.ifMatch`). */
export const ifMatchParameter = {
  "name": "If-Match",
  "in": "header"
} as const;

/** The `Accept-Encoding` header parameter (`parameters.acceptEncoding`). */
export const acceptEncodingParameter = {
  "name": "Accept-Encoding",
  "in": "header"
} as const;

/** The `include` query parameter (`parameters.include`). */
export const includeParameter = {
  "name": "include",
  "in": "query",
  "style": "form",
  "explode": false
} as const;

/** The `id` path parameter (`parameters.fileId`). */
export const fileIdParameter = {
  "name": "id",
  "in": "path"
} as const;

/** The `token` query parameter (`parameters.fileToken`). */
export const fileTokenParameter = {
  "name": "token",
  "in": "query"
} as const;

/** The `disposition` query parameter (`parameters.disposition`). */
export const dispositionParameter = {
  "name": "disposition",
  "in": "query"
} as const;

/** The `Range` header parameter (`parameters.range`). */
export const rangeParameter = {
  "name": "Range",
  "in": "header"
} as const;

/** The `ETag` response header. */
export const eTagHeader = "ETag" as const;

/** The `Location` response header. */
export const locationHeader = "Location" as const;

/** The `Deprecation` response header. */
export const deprecationHeader = "Deprecation" as const;

/** The `Sunset` response header. */
export const sunsetHeader = "Sunset" as const;

/** The `Retry-After` response header. */
export const retryAfterHeader = "Retry-After" as const;

/** The `Vary` response header. */
export const varyHeader = "Vary" as const;

/** The `Content-Disposition` response header. */
export const contentDispositionHeader = "Content-Disposition" as const;

/** The `Content-Range` response header. */
export const contentRangeHeader = "Content-Range" as const;

/** How `uploadFile` is sent: method, path, request media types and multipart parts (`endpoints.uploadFile` without scopes and responses). */
export const uploadFileRoute = {
  "method": "POST",
  "path": "/lucca-api/files",
  "requestMediaTypes": [
    "multipart/form-data"
  ],
  "requestParts": [
    "form"
  ]
} as const;

/** How `retrieveFile` is sent: method, path, request media types and multipart parts (`endpoints.retrieveFile` without scopes and responses). */
export const retrieveFileRoute = {
  "method": "GET",
  "path": "/lucca-api/files/{id}",
  "requestMediaTypes": [],
  "requestParts": []
} as const;

/** How `retrieveFileHeaders` is sent: method, path, request media types and multipart parts (`endpoints.retrieveFileHeaders` without scopes and responses). */
export const retrieveFileHeadersRoute = {
  "method": "HEAD",
  "path": "/lucca-api/files/{id}",
  "requestMediaTypes": [],
  "requestParts": []
} as const;

/** The query parameters whose arrays go comma-joined in one parameter (`style: form`, `explode: false`), where the default repeats them. */
export const unexplodedQueryParameters = [
  "include"
] as const;

/** `limits.maxRequestBodyBytes`. */
export const maxRequestBodyBytes = 104857600 as const;

/** `limits.maxRequestHeaderBytes`. */
export const maxRequestHeaderBytes = 8192 as const;

/** `limits.rateLimitRequestsPerMinute`. */
export const rateLimitRequestsPerMinute = 50 as const;

/** `limits.serverTimeoutSeconds`. */
export const serverTimeoutSeconds = 5 as const;
