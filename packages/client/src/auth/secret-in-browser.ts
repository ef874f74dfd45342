/**
 * Why a client secret is refused in a browser, and what to do instead: the start of
 * every such refusal (the client's `auth`, `requestAccessToken`), each adding its opt-in.
 */
export const secretInBrowser = "a client secret in a browser is readable by anyone who opens the page; get an access token on your server and pass `auth: { accessToken }`";
