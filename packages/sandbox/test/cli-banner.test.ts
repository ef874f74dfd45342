import { describe, expect, it } from "vitest";
import { listenFailure } from "../src/cli-banner.ts";

const where = { host: "127.0.0.1", port: 4010 };
const elsewhere = { host: "10.9.8.7", port: 4010 };
const failure = (code: string) => Object.assign(new Error(`listen ${code}`), { code });

describe("what the CLI says when it cannot listen", () => {
  it.each([
    ["a taken port names the port and the PORT to choose", "EADDRINUSE", where, "npm start", "sandbox: port 4010 is taken (something already listens on 127.0.0.1:4010): stop it, or choose another port with PORT, e.g. PORT=4011 npm start"],
    ["a privileged port says why and names the PORT to choose", "EACCES", where, "lucca-sandbox", "sandbox: not allowed to listen on 127.0.0.1:4010 (ports below 1024 need privileges): choose another port with PORT, e.g. PORT=4011 lucca-sandbox"],
    ["a HOST that is not this machine's says which variable to fix", "EADDRNOTAVAIL", elsewhere, "npm start", "sandbox: HOST=10.9.8.7 is not an address of this machine: set HOST to one of its addresses, e.g. HOST=127.0.0.1"],
    ["a HOST name that resolves to nothing says which variable to fix", "ENOTFOUND", { host: "nope.invalid", port: 4010 }, "npm start", "sandbox: HOST=nope.invalid is not a name this machine can resolve (ENOTFOUND): set HOST to one of its addresses, e.g. HOST=127.0.0.1"],
  ])("%s", (_, code, address, command, message) => {
    expect(listenFailure(failure(code), address, command)).toBe(message);
  });

  it("leaves any other error to the generic message", () => {
    expect(listenFailure(failure("ENOMEM"), where, "npm start")).toBeUndefined();
  });
});
