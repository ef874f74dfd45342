import { UsageError } from "../cli/usage-error.ts";
import { environmentVariables } from "../config/resolve-config.ts";
import type { CommandContext } from "./command-context.ts";

/**
 * A link on another origin than the API's: the client sends it without the access token
 * (the token goes to the configured API only), so the API can only answer 401, in the
 * library's terms. Said before any request, with the flag to pass: the sandbox's banner
 * gives 127.0.0.1 where people often type localhost, or the reverse.
 */
export function checkLinkOrigin(link: string, config: CommandContext["config"]): void {
  // What is not a URL at all is left to the client, which says what a link looks like.
  if (!URL.canParse(link)) return;
  const linkOrigin = new URL(link).origin;
  const apiOrigin = new URL("baseUrl" in config.target ? config.target.baseUrl : `https://${config.target.host}`).origin;
  if (linkOrigin === apiOrigin) return;
  const source = config.sandbox ? "--host" : `${environmentVariables.baseUrl} (or --host)`;
  throw new UsageError(
    `the link is on ${linkOrigin}, not on the API's ${apiOrigin} (${source}): the access token goes to the API only. Pass --host ${linkOrigin}, or a link of ${apiOrigin}.`,
  );
}
