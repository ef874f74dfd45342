// Check that a file is there and whether a cached copy is current, without
// downloading it: HEAD answers GET's status and headers, with no body.
//   LUCCA_BASE_URL=… LUCCA_CLIENT_ID=… LUCCA_CLIENT_SECRET=…
//   npx tsx retrieve-file-headers.ts '<the file link href>'
import { createLuccaFilesClient } from "@lucca-api/client";

const { LUCCA_BASE_URL, LUCCA_CLIENT_ID, LUCCA_CLIENT_SECRET, LUCCA_TOKEN_URL } =
  process.env;
const href = process.argv[2];
if (!LUCCA_BASE_URL || !LUCCA_CLIENT_ID || !LUCCA_CLIENT_SECRET || !href) {
  throw new Error(
    "Set LUCCA_BASE_URL, LUCCA_CLIENT_ID and LUCCA_CLIENT_SECRET, and pass the file's link href.",
  );
}

const client = createLuccaFilesClient({
  baseUrl: LUCCA_BASE_URL,
  auth: {
    clientId: LUCCA_CLIENT_ID,
    clientSecret: LUCCA_CLIENT_SECRET,
    tokenUrl: LUCCA_TOKEN_URL,
  },
});

// The typed HEAD call: the id and token come from the link.
const { id, token } = client.parseFileLink(href);
const file = { params: { path: { id }, query: { token } } };

const { response } = await client.HEAD("/lucca-api/files/{id}", file);
const eTag = response.headers.get("ETag") ?? "";
console.log(`${response.status}: ETag ${eTag}`);

// With the ETag of your copy, 304 means it is still current.
const again = await client.HEAD("/lucca-api/files/{id}", {
  params: { ...file.params, header: { "If-None-Match": eTag } },
});
console.log(again.response.status === 304 ? "your copy is current" : "changed since");
