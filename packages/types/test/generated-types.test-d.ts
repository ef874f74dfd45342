/**
 * Type-level tests, checked by `npm run typecheck` (tsc): each `@ts-expect-error` fails
 * the check if the generated types stop rejecting what it marks.
 */
import { currentApiVersion, type paths, type ContentType, type FileObject, type KnownApiVersion, type ApiVersion, type components } from "../src/index.ts";

type Upload = paths["/lucca-api/files"]["post"];
type UploadHeaders = Upload["parameters"]["header"];
type UploadBody = Upload["requestBody"]["content"]["multipart/form-data"];

export const validUploadHeaders: UploadHeaders = { "Api-Version": currentApiVersion };
export const validUploadBody: UploadBody = { form: new Blob(["hello"], { type: "text/plain" }) };
export const validQuery: Upload["parameters"]["query"] = { include: ["links", "embedded"] };

// A later date is a valid Api-Version: it resolves to the closest earlier version.
export const laterVersion: UploadHeaders = { "Api-Version": "2025-03-15" };
export const knownVersion: KnownApiVersion = "2024-11-01";
// @ts-expect-error the known versions are a closed list of the spec's dates
export const unknownKnownVersion: KnownApiVersion = "2025-03-15";
// The schema type still names the known versions (editors offer them), then any string.
export const versionOffersKnown: Extract<ApiVersion, KnownApiVersion> = currentApiVersion;

// @ts-expect-error the Api-Version header is required
export const missingVersion: UploadHeaders = {};

// @ts-expect-error the form part is a Blob, not a string
export const stringPart: UploadBody = { form: "hello" };

// @ts-expect-error an unknown include value is rejected
export const wrongInclude: Upload["parameters"]["query"] = { include: ["everything"] };

export const jpg: ContentType = "image/jpg";
// @ts-expect-error image/jpeg is not one of the accepted content types (the API wants image/jpg)
export const jpeg: ContentType = "image/jpeg";
// The exported `ContentType` (the element of `contentTypes`) is the spec's `FileContentType`
// schema, both ways: the component's name changed, the type integrators import did not.
export const fromSchema: ContentType = "image/jpg" as components["schemas"]["FileContentType"];
export const toSchema: components["schemas"]["FileContentType"] = jpg;
// The Api-Version header parameter is the component `ApiVersionHeader`, of the `ApiVersion` schema.
export const headerOfSchema: components["parameters"]["ApiVersionHeader"] = "2025-03-15" satisfies components["schemas"]["ApiVersion"];

// A response's contentType is open: a type Lucca adds tomorrow still parses...
export const file: FileObject = {
  id: "2face165-5345-4cf3-ab05-5421a6b19df2",
  type: "file",
  url: "https://example.ilucca.net/lucca-api/files/2face165-5345-4cf3-ab05-5421a6b19df2",
  fileName: "pic.jpg",
  contentType: "image/avif",
  createdAt: "2024-01-15T08:30:00Z",
};
// ...while the exported type still names the accepted ones (editors offer them).
export const knownType: Extract<FileObject["contentType"], ContentType> = "image/jpg";

// An embedded entry has properties of its own (it was `Record<string, never>`).
type Embedded = components["schemas"]["Embedded"];
export const embedded: Embedded = { employees: { "416": { id: 416, name: "Ada Lovelace" } } };

// FileObject does not shadow the platform's File: both are usable side by side.
export const platformFile: File = new File(["hello"], "hello.txt");
