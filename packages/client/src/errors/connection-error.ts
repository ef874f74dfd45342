import { LuccaError, nameErrorClass } from "./lucca-error.ts";

/** No answer came back: the connection failed or dropped. `cause` is the platform's error. */
export class ConnectionError extends LuccaError {}

nameErrorClass(ConnectionError, "ConnectionError");
