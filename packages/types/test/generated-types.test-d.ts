/**
 * Type-level tests, checked by `npm run typecheck` (tsc): each `@ts-expect-error` fails
 * the check if the generated types stop rejecting what it marks.
 */
import { currentApiVersion, type paths, type ContentType, type File } from "../src/index.ts";

type Upload = paths["/lucca-api/files"]["post"];
type UploadHeaders = Upload["parameters"]["header"];
type UploadBody = Upload["requestBody"]["content"]["multipart/form-data"];

export const validUploadHeaders: UploadHeaders = { "Api-Version": currentApiVersion };
export const validUploadBody: UploadBody = { form: new Blob(["hello"], { type: "text/plain" }) };
export const validQuery: Upload["parameters"]["query"] = { include: ["links", "embedded"] };

// @ts-expect-error an Api-Version that the spec does not list is rejected
export const wrongVersion: UploadHeaders = { "Api-Version": "2023-01-01" };

// @ts-expect-error the Api-Version header is required
export const missingVersion: UploadHeaders = {};

// @ts-expect-error the form part is a Blob, not a string
export const stringPart: UploadBody = { form: "hello" };

// @ts-expect-error an unknown include value is rejected
export const wrongInclude: Upload["parameters"]["query"] = { include: ["everything"] };

export const jpg: ContentType = "image/jpg";
// @ts-expect-error image/jpeg is not one of the accepted content types (the API wants image/jpg)
export const jpeg: ContentType = "image/jpeg";

export const file: File = {
  id: "2face165-5345-4cf3-ab05-5421a6b19df2",
  type: "file",
  url: "https://example.ilucca.net/lucca-api/files/2face165-5345-4cf3-ab05-5421a6b19df2",
  fileName: "pic.jpg",
  // @ts-expect-error a File's contentType must be an accepted content type
  contentType: "application/x-unknown-thing",
  createdAt: "2024-01-15T08:30:00Z",
};
