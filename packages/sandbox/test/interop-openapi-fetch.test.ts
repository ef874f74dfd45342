/**
 * Interop: a bare openapi-fetch client, built on @lucca-api/types alone (no helper of
 * @lucca-api/client, no cast), against the sandbox. What an integrator who generates
 * nothing of their own gets from the published types.
 */
import { currentApiVersion, type FileObject, type JsonPaths } from "@lucca-api/types";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./support/sandbox.ts";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ rateLimitPerMinute: 10_000 });
});
afterAll(() => harness.close());

describe("a bare openapi-fetch client on the generated types", () => {
  it("uploads, reads the metadata typed as the file object, downloads and gets a 304", async () => {
    const client = createClient<JsonPaths>({
      baseUrl: harness.sandbox.url,
      headers: { Authorization: `Bearer ${await harness.accessToken()}` },
      // The API takes include=a,b (the spec's `explode: false`), not include=a&include=b.
      querySerializer: { array: { style: "form", explode: false } },
    });
    const content = "Hello, Lucca!";

    const uploaded = await client.POST("/lucca-api/files", {
      params: { header: { "Api-Version": currentApiVersion }, query: { include: ["links"] } },
      body: { form: new Blob([content], { type: "text/plain" }) },
      bodySerializer(body) {
        const form = new FormData();
        form.set("form", body.form, "hello.txt");
        return form;
      },
    });
    expect(uploaded.response.status).toBe(201);
    const created: FileObject | undefined = uploaded.data;
    const href = new URL(created!.links!.self!.href);
    const id = created!.id;
    const token = href.searchParams.get("token")!;

    // data is the file object itself: no narrowing, no cast (the 206's content is not in it).
    const metadata = await client.GET("/lucca-api/files/{id}", {
      params: { path: { id }, query: { token }, header: { "Api-Version": "2025-03-15" } },
    });
    const fileName: string = metadata.data!.fileName;
    const contentType: string = metadata.data!.contentType;
    expect({ fileName, contentType }).toEqual({ fileName: "hello.txt", contentType: "text/plain" });
    const eTag = metadata.response.headers.get("ETag")!;

    const download = await client.GET("/lucca-api/files/{id}", {
      params: { path: { id }, query: { token, disposition: "attachment" }, header: { "Api-Version": currentApiVersion } },
      parseAs: "text",
    });
    expect(download.data).toBe(content);

    const revalidated = await client.GET("/lucca-api/files/{id}", {
      params: { path: { id }, query: { token }, header: { "Api-Version": currentApiVersion, "If-None-Match": eTag } },
    });
    expect(revalidated.response.status).toBe(304);

    const head = await client.HEAD("/lucca-api/files/{id}", {
      params: { path: { id }, query: { token }, header: { "Api-Version": currentApiVersion, "If-None-Match": eTag } },
    });
    expect(head.response.status).toBe(304);
  });
});
