// Read a file's JSON representation, revalidate it with its ETag, then
// download its content.
//   LUCCA_BASE_URL=… LUCCA_CLIENT_ID=… LUCCA_CLIENT_SECRET=…
//   npx tsx retrieve-file.ts '<the file link href>'
import { existsSync } from "node:fs";
import { createLuccaFilesClient } from "@lucca-api/client";

const { LUCCA_BASE_URL, LUCCA_CLIENT_ID, LUCCA_CLIENT_SECRET, LUCCA_TOKEN_URL } =
  process.env;
// The file's link href, access token included, as the resource that
// references the file hands it out (read with include=links).
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

const read = await client.getFile(href);
if (read.modified) {
  const { fileName, contentType, createdAt } = read.file;
  console.log(`${fileName}: ${contentType}, created ${createdAt}`);
}

// Ask again with the ETag: a 304 comes back as { modified: false }.
const again = await client.getFile(href, { ifNoneMatch: read.eTag });
console.log(again.modified ? "changed since" : "unchanged since the first read");

// The content, streamed to disk under the name the API gives it. The client
// gives a bare file name (RFC 6266 §4.3: the last segment only, never `..`),
// so no name can pick the folder. The name is the uploader's choice: never
// replace a file of yours with it.
const download = await client.downloadFile(href);
const name = download.fileName ?? "download";
if (existsSync(name)) throw new Error(`${name} is already here: not replaced.`);
const saved = await download.saveTo(name);
console.log(`saved ${saved.bytes} bytes to ${saved.path}`);
