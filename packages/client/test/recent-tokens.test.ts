import { expect, it } from "vitest";
import { createStaticTokenProvider } from "../src/auth/static-token-provider.ts";

it("a token function that rotates its tokens leaves the logger only the latest 8 to scrub, the newest included", async () => {
  let issued = 0;
  const provider = createStaticTokenProvider(() => `token-${++issued}`);
  for (let call = 0; call < 50; call++) await provider.getToken(undefined);
  const secrets = [...provider.secrets()];
  expect(secrets).toHaveLength(8);
  expect(secrets).toContain("token-50");
  expect(secrets).not.toContain("token-42");
});
