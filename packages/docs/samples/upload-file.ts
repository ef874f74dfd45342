// Upload a picture with @lucca-api/client, then print its id and its link.
//   LUCCA_BASE_URL=https://example.ilucca.net LUCCA_CLIENT_ID=… LUCCA_CLIENT_SECRET=… npx tsx upload-file.ts
import { createLuccaFilesClient } from "@lucca-api/client";

const { LUCCA_BASE_URL, LUCCA_CLIENT_ID, LUCCA_CLIENT_SECRET, LUCCA_TOKEN_URL } = process.env;
if (!LUCCA_BASE_URL || !LUCCA_CLIENT_ID || !LUCCA_CLIENT_SECRET) {
  throw new Error("Set LUCCA_BASE_URL (e.g. https://example.ilucca.net), LUCCA_CLIENT_ID and LUCCA_CLIENT_SECRET.");
}

const client = createLuccaFilesClient({
  baseUrl: LUCCA_BASE_URL,
  // The client asks for a token (and renews it) with these credentials. LUCCA_TOKEN_URL
  // is only for the local sandbox: left unset, Lucca's token URL is used.
  auth: { clientId: LUCCA_CLIENT_ID, clientSecret: LUCCA_CLIENT_SECRET, tokenUrl: LUCCA_TOKEN_URL },
});

// The file is streamed from disk. No content type given: ".jpg" is sent as image/jpg,
// the type the API accepts (it refuses image/jpeg).
const { file, eTag } = await client.uploadFile({ path: "pic.jpg" });

console.log(`uploaded ${file.fileName} (${file.contentType}) as ${file.id}, ETag ${eTag}`);
// The link to read it back, with its access token.
console.log(file.links?.self?.href);
