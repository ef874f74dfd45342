import { describe, expect, it } from "vitest";
import { remoteAssets, selfContain } from "../src/self-contain.ts";

const redocPage = `<html><head></head><body><script type="module">const a="${remoteAssets[0].remote}",b="${remoteAssets[1].remote}";</script></body></html>`;

describe("selfContain", () => {
  it("points Redocly's CDN logo at the copies shipped in assets/", () => {
    const page = selfContain(redocPage);
    for (const { remote, local } of remoteAssets) {
      expect(page).not.toContain(remote);
      expect(page).toContain(local);
    }
  });

  it("fails, naming the URL, when Redocly's page no longer loads what it replaces", () => {
    expect(() => selfContain(redocPage.replace(remoteAssets[0].remote, ""))).toThrow(
      `Redocly's page no longer contains ${remoteAssets[0].remote}`,
    );
  });

  it.each([
    ["a CDN script", `<script src="https://cdn.example.com/redoc.js"></script>`],
    ["a protocol-relative script", `<script src="//cdn.example.com/redoc.js"></script>`],
    ["a web font stylesheet", `<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">`],
    ["a remote image", `<img src="https://example.com/logo.png">`],
    ["a CSS import", `<style>@import url("https://example.com/a.css");</style>`],
  ])("refuses a page that loads %s", (_name, markup) => {
    expect(() => selfContain(redocPage.replace("<head></head>", `<head>${markup}</head>`))).toThrow(
      "the page would load from another origin",
    );
  });

  it("keeps links to other sites, which load nothing until followed", () => {
    expect(selfContain(redocPage.replace("<body>", `<body><a href="https://developers.lucca.fr">Lucca</a>`))).toContain(
      "https://developers.lucca.fr",
    );
  });
});
