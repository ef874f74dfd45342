import { createApiError } from "./create-api-error.ts";

/**
 * For the typed calls (`client.GET(...)`): returns `data`, or throws the typed error of
 * the hierarchy where openapi-fetch would hand back `{ error }`.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }> | { data?: T; error?: unknown; response: Response }): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) throw createApiError(response, error, "");
  return data as T;
}
