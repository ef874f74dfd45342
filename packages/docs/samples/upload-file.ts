// Upload a picture, then print its id and the link to read it back.
//   LUCCA_BASE_URL=https://example.ilucca.net LUCCA_CLIENT_ID=…
//   LUCCA_CLIENT_SECRET=… npx tsx upload-file.ts
import { createLuccaFilesClient } from "@lucca-api/client";

const { LUCCA_BASE_URL, LUCCA_CLIENT_ID, LUCCA_CLIENT_SECRET, LUCCA_TOKEN_URL } =
  process.env;
if (!LUCCA_BASE_URL || !LUCCA_CLIENT_ID || !LUCCA_CLIENT_SECRET) {
  throw new Error(
    "Set LUCCA_BASE_URL (e.g. https://example.ilucca.net), LUCCA_CLIENT_ID and LUCCA_CLIENT_SECRET.",
  );
}

const client = createLuccaFilesClient({
  baseUrl: LUCCA_BASE_URL,
  // The client gets a token with these credentials, and renews it.
  // LUCCA_TOKEN_URL is for the local sandbox; unset, Lucca's is used.
  auth: {
    clientId: LUCCA_CLIENT_ID,
    clientSecret: LUCCA_CLIENT_SECRET,
    tokenUrl: LUCCA_TOKEN_URL,
  },
});

// Streamed from disk. With no content type given, ".jpg" is sent as
// image/jpg: the API accepts it, and refuses image/jpeg.
const { file, eTag } = await client.uploadFile({ path: "pic.jpg" });

console.log(`uploaded ${file.fileName} (${file.contentType}) as ${file.id}`);
console.log(`ETag ${eTag}`);
// The link to read the file back, with its access token.
console.log(file.links?.self?.href);
