/**
 * Joins the parts of a message into sentences: each part ends with one full stop (a
 * part's own trailing stop is not doubled), and a part already said is left out. The
 * server's words often repeat (a problem's `detail` again under `errors`).
 */
export function sentences(...parts: (string | undefined)[]): string {
  const said: string[] = [];
  for (const part of parts) {
    const text = part?.trim().replace(/\.+$/, "");
    if (text && !said.some((earlier) => earlier.includes(text))) said.push(text);
  }
  return said.map((text) => (/[!?]$/.test(text) ? text : `${text}.`)).join(" ");
}
