import { describe, expect, it } from "vitest";
import { redactSecrets, redactUrl } from "../src/core/redact.ts";

describe("redactUrl hides the file access token of a URL, and only it", () => {
  it.each([
    ["the token of a file link", "https://x.ilucca.net/lucca-api/files/1?token=eyJ.a.b", "https://x.ilucca.net/lucca-api/files/1?token=[redacted]"],
    ["a token among other parameters", "http://h/lucca-api/files/1?disposition=json&token=abc&include=links", "http://h/lucca-api/files/1?disposition=json&token=[redacted]&include=links"],
    ["a token before a fragment", "http://h/f?token=abc#top", "http://h/f?token=[redacted]#top"],
    ["a parameter that merely ends in token", "http://h/f?mytoken=abc", "http://h/f?mytoken=abc"],
    ["a URL without query", "http://h/lucca-api/files", "http://h/lucca-api/files"],
  ])("%s", (_rule, url, want) => expect(redactUrl(url)).toBe(want));
});

describe("redactSecrets replaces every occurrence of every secret", () => {
  it.each([
    ["each occurrence", "a s3cret b s3cret", ["s3cret"], "a [redacted] b [redacted]"],
    ["several secrets", "id=demo secret=xyz token=abc", ["xyz", "abc"], "id=demo secret=[redacted] token=[redacted]"],
    ["an empty secret changes nothing", "plain", [""], "plain"],
  ])("%s", (_rule, text, secrets, want) => expect(redactSecrets(text, secrets)).toBe(want));
});
