import { sandboxStartCommand } from "../config/local-sandbox.ts";
import { environmentVariables } from "../config/resolve-config.ts";
import { fileIdParameter, fileTokenParameter, localSandboxServerUrl, retrieveFileRoute } from "@lucca-api/types";
import type { CommandName } from "./arguments.ts";
import { exitCodes } from "./exit-codes.ts";

/** Help texts: examples first (what people look for), then the options. */
const commandHelp: Record<CommandName, string> = {
  upload: `Upload files, with a progress bar per file and in total; prints each file's id and link.

Examples
  lucca-files --sandbox upload report.pdf
  lucca-files upload scan-1.png scan-2.png --json | jq -r '.[].links.self.href'
  lucca-files upload notes.bin --content-type application/pdf

Usage
  lucca-files upload <path…> [options]

Options
  -t, --content-type <type>  the type to send, one the API accepts (default: inferred
                             from the name, as @lucca-api/client does)
      --json                 print the uploaded file objects (an array) instead`,
  download: `Download a file's content, with a progress bar. The file is written atomically:
a failure or Ctrl-C leaves no partial file. A dropped connection resumes where it broke.

Examples
  lucca-files --sandbox download '${localSandboxServerUrl}${retrieveFileRoute.path.replace(`{${fileIdParameter.name}}`, "<id>")}?${fileTokenParameter.name}=<token>'
  lucca-files download "$LINK" -o invoice.pdf
  lucca-files download "$LINK" -o - | sha256sum

Usage
  lucca-files download <link> [-o <path>]

Options
  -o, --output <path>  where to write it: a file, a folder, or - for stdout (default: the
                       current folder); in a folder, under the name the server gives,
                       which never replaces a file`,
  get: `Show a file's metadata: a table, or its JSON representation with --json.

Examples
  lucca-files --sandbox get "$LINK"
  lucca-files get "$LINK" --json | jq .contentType
  lucca-files get "$LINK" --if-none-match "$ETAG"      # the etag get printed: "not modified", exit 0

Usage
  lucca-files get <link> [options]

Options
      --if-none-match <etag>  the ETag of your copy: "not modified" when it is current
      --json                  print the file object as the API gives it`,
  token: `Get an access token with the configured client, and show its scopes and expiry.
The token is a secret: it is printed only with --show-token.

Examples
  lucca-files --sandbox token
  lucca-files token --json | jq .scopes
  curl -H "Authorization: Bearer $(lucca-files token --show-token --json | jq -r .accessToken)" …

Usage
  lucca-files token [options]

Options
      --show-token  print the access token too
      --json        print { clientId, tokenUrl, scopes, expiresIn, expiresAt } as JSON`,
};

const globalHelp = `Global options
      --sandbox             use the local sandbox (${localSandboxServerUrl}, its demo client);
                            with --host, the sandbox at that address
      --host <host|url>     the API: example.ilucca.net (https) or a URL
                            (default: $${environmentVariables.baseUrl})
      --api-version <date>  the Api-Version to send (default: $${environmentVariables.apiVersion},
                            else the newest the client knows)
  -q, --quiet               no progress and no messages: results and errors only
      --debug               the client's log lines (secrets redacted) and an error's stack
  -h, --help                this help; lucca-files <command> --help for a command's
  -V, --version             the versions of lucca-files, the client and the API

Environment
  ${environmentVariables.baseUrl}       the API, e.g. https://example.ilucca.net
  ${environmentVariables.clientId}      your API client's id
  ${environmentVariables.clientSecret}  its secret (never as a flag: shell history, ps)
  ${environmentVariables.tokenUrl}      the token endpoint (default: Lucca's, from the spec; required with a local base URL)
  ${environmentVariables.apiVersion}    as --api-version
  NO_COLOR             any value turns colours off`;

const exitHelp = `Exit codes
  ${exitCodes.ok}    done (get --if-none-match: "not modified" too)
  ${exitCodes.unexpected}    unexpected failure (a bug; rerun with --debug and report it)
  ${exitCodes.usage}    the command: unknown option, missing argument, configuration, a local file
  ${exitCodes.auth}    credentials refused (token endpoint, 401, 403)
  ${exitCodes.refused}    the API refused the request (400, 404, 412, 413, 429…)
  ${exitCodes.server}    the server failed (5xx) or answered outside the spec
  ${exitCodes.network}    no answer: connection refused or dropped, timeout
  ${exitCodes.cancelled}  cancelled with Ctrl-C`;

const mainHelp = `lucca-files: upload, download and inspect files of the Lucca API (unofficial).

Examples
  ${sandboxStartCommand}                      # in another terminal: the sandbox on ${localSandboxServerUrl}
  lucca-files --sandbox upload report.pdf     # bar, then: report.pdf  <id>  <link>
  lucca-files --sandbox download "$LINK"      # saved as the server names it
  lucca-files --sandbox get "$LINK" --json
  lucca-files --sandbox token

Usage
  lucca-files <command> [options]

Commands
  upload <path…>    upload files, with progress
  download <link>   download a file's content, with progress
  get <link>        show a file's metadata
  token             check the credentials: scopes and expiry of a token`;

export function helpText(command: CommandName | undefined): string {
  const head = command === undefined ? mainHelp : `lucca-files ${command}: ${commandHelp[command]}`;
  return `${head}\n\n${globalHelp}\n\n${exitHelp}\n`;
}
