import { describe, expect, it } from "vitest";
import { typeChanges, type TypeChange } from "../spec-check/type-changes.ts";

/** An interface as openapi-typescript writes `components`, with `FileObject`'s members. */
const schemas = (fileObject: string, more = "") => `export interface components {\n    schemas: {\n        FileObject: {\n${fileObject}        };\n${more}    };\n}\n`;
const FILE = '            id: string;\n            contentType: "image/png" | "image/jpg" | string;\n';
const OWNER = 'components["schemas"]["FileObject"]';

describe("what a change of the declarations means to their users", () => {
  it.each<[string, string, string, TypeChange[]]>([
    ["an optional property added", schemas(FILE), schemas(FILE + "            size?: number;\n"), [{ type: OWNER, change: "+optional `size` (`number`)" }]],
    ["a required property added", schemas(FILE), schemas(FILE + "            size: number;\n"), [{ type: OWNER, change: "+required `size` (`number`)" }]],
    ["a property removed", schemas(FILE), schemas("            id: string;\n"), [{ type: OWNER, change: "−required `contentType`" }]],
    ["a property made optional", schemas(FILE), schemas(FILE.replace("id:", "id?:")), [{ type: OWNER, change: "`id` became optional" }]],
    [
      "a union that loses a literal and gains one, named by the property that holds it",
      schemas(FILE),
      schemas(FILE.replace('"image/png"', '"image/gif"')),
      [{ type: `${OWNER}["contentType"]`, change: '−`"image/png"` +`"image/gif"`' }],
    ],
    ["a type rewritten", schemas(FILE), schemas(FILE.replace("id: string", "id: number")), [{ type: `${OWNER}["id"]`, change: "`string` → `number`" }]],
    [
      "a new object type: one entry, not the literals its lines hold",
      schemas(FILE),
      schemas(FILE, '        Thumbnail: {\n            contentType: components["schemas"]["ContentType"];\n            scale?: "s" | "l";\n        };\n'),
      [{ type: 'components["schemas"]', change: '+required `Thumbnail` (`{ contentType: components["schemas"]["ContentType"]; scale?: "s" | "l"; }`)' }],
    ],
    [
      "a `@default` changed: what the API assumes for a value left out",
      "export interface Q {\n    /** @default json */\n    disposition?: string;\n}\n",
      "export interface Q {\n    /** @default attachment */\n    disposition?: string;\n}\n",
      [{ type: "Q", change: "`disposition`: `@default` `json` → `attachment`" }],
    ],
    [
      "a constant list that loses a value",
      'export const contentTypes = ["image/png", "image/jpg"] as const;\n',
      'export const contentTypes = ["image/jpg"] as const;\n',
      [{ type: "contentTypes", change: '−`"image/png"`' }],
    ],
    ["a constant list only reordered", 'export const a = ["x", "y"] as const;\n', 'export const a = ["y", "x"] as const;\n', [{ type: "a", change: "reordered" }]],
    [
      "a constant object's nested list, named by its keys (no optional or required for a value)",
      'export const endpoints = { "uploadFile": { "requestParts": ["form"] } } as const;\n',
      'export const endpoints = { "uploadFile": { "requestParts": ["form", "meta"] }, "listFiles": { "method": "GET" } } as const;\n',
      [
        { type: "endpoints", change: '+`listFiles` (`{ "method": "GET" }`)' },
        { type: 'endpoints["uploadFile"]["requestParts"]', change: '+`"meta"`' },
      ],
    ],
    ["a declaration added", "export type A = string;\n", "export type A = string;\nexport type B = number;\n", [{ type: "B", change: "new" }]],
    ["a declaration removed", "export type A = string;\nexport type B = number;\n", "export type A = string;\n", [{ type: "B", change: "removed" }]],
    ["nothing, when only the members' order and comments differ", schemas(FILE), schemas("            /** The type. */\n" + FILE.split("\n").reverse().join("\n") + "\n"), []],
  ])("%s", (_, before, after, want) => {
    expect(typeChanges("openapi.ts", before, after)).toEqual(want);
  });

  it("cuts a long type shown inline: the declarations diff has it whole", () => {
    const long = `{ ${Array.from({ length: 12 }, (_, index) => `field${index}: string;`).join(" ")} }`;
    const [change] = typeChanges("openapi.ts", "export interface A {\n}\n", `export interface A {\n    b: ${long};\n}\n`);
    expect(change!.change).toMatch(/^\+required `b` \(`\{ field0: string; .{40,} …`\)$/);
    expect(change!.change.length).toBeLessThan(120);
  });
});
