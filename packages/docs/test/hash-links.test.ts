import { describe, expect, it } from "vitest";
import { withHashLinks } from "../src/hash-links.ts";

describe("withHashLinks", () => {
  it.each([
    ["a sidebar entry", '<a class="x" href="/getting-a-token" data-discover="true">', '<a class="x" href="#/getting-a-token" data-discover="true">'],
    ["the reference's root", '<a href="/" data-discover="true">', '<a href="#/" data-discover="true">'],
    ["a nested route", '<a aria-label="link to section/start-here" href="/section/start-here" data-discover="true">', '<a aria-label="link to section/start-here" href="#/section/start-here" data-discover="true">'],
  ])("gives %s of the router its #/ form", (_, given, want) => {
    expect(withHashLinks(given)).toBe(want);
  });

  it.each([
    ["a link to another site", '<a href="https://developers.lucca.fr">'],
    ["a protocol-relative link of the router", '<a href="//cdn.example/x" data-discover="true">'],
    ["a download beside the page", '<a href="openapi.json" download="">'],
    ["a path outside the router", '<a href="/elsewhere">'],
  ])("leaves %s as it is", (_, given) => {
    expect(withHashLinks(given)).toBe(given);
  });
});
