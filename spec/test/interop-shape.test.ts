/**
 * The shapes that keep the bundled spec usable by other OpenAPI tools (issue 9), checked
 * on the bundle that integrators download. The lint rules guard the sources; these pin
 * what the bundler makes of them.
 */
import { describe, expect, it } from "vitest";
import { operationsOf, readBundle, resolve } from "./load.ts";

describe("the bundled spec, for other tools", () => {
  it("names each component schema as its title, so the title rule covers the generated names", async () => {
    const bundle = await readBundle();
    for (const [name, schema] of Object.entries<any>(bundle.components.schemas)) expect(schema.title, name).toBe(name);
  });

  it("declares no parameter default (generators would send it on every call)", async () => {
    const bundle = await readBundle();
    const withDefault = operationsOf(bundle)
      .flatMap(({ operation }) => operation.parameters.map((p: any) => resolve(bundle, p)))
      .filter((parameter: any) => resolve(bundle, parameter.schema)?.default !== undefined)
      .map((parameter: any) => parameter.name);
    expect(withDefault).toEqual([]);
  });

  it("keeps Accept out of the parameters: negotiation is in the operation and its media types", async () => {
    const bundle = await readBundle();
    const names = operationsOf(bundle).flatMap(({ operation }) => operation.parameters.map((p: any) => resolve(bundle, p).name));
    expect(names).not.toContain("Accept");
    expect(bundle.paths["/lucca-api/files/{id}"].get.description).toContain("`Accept`");
  });

  it("types the file id the same in the path and in the file object (uuid)", async () => {
    const bundle = await readBundle();
    expect(bundle.components.parameters.FileId.schema.format).toBe("uuid");
    expect(bundle.components.schemas.FileObject.properties.id.format).toBe("uuid");
  });

  it("makes Api-Version a named date schema that admits later dates and lists the known versions", async () => {
    const bundle = await readBundle();
    expect(bundle.components.parameters.ApiVersionHeader.schema).toEqual({ $ref: "#/components/schemas/ApiVersion" });
    const schema = bundle.components.schemas.ApiVersion;
    expect(schema.maxLength).toBe(10);
    expect(new RegExp(schema.pattern).test("2025-03-15")).toBe(true);
    expect(schema.enum).toBeUndefined();
    expect(schema["x-extensible-enum"]).toContain(bundle.info.version);
  });

  it("declares HEAD on the file URL with the same security as GET", async () => {
    const bundle = await readBundle();
    const item = bundle.paths["/lucca-api/files/{id}"];
    expect(item.head.security).toEqual(item.get.security);
    expect(Object.keys(item.head.responses)).toEqual(expect.arrayContaining(["200", "304", "404"]));
    for (const response of Object.values<any>(item.head.responses)) expect(resolve(bundle, response).content).toBeUndefined();
  });

  it("gives each embedded entry room for properties (not an empty object type)", async () => {
    const bundle = await readBundle();
    expect(bundle.components.schemas.Embedded.additionalProperties.additionalProperties.additionalProperties).toBe(true);
  });
});
