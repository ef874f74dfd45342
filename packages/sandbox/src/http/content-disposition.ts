/**
 * `Content-Disposition` for downloads (RFC 6266), with the file name both as a plain
 * ASCII fallback and, when it is not plain ASCII, as RFC 8187 `filename*`. The fallback
 * drops anything that could break out of the quoted string or name a path.
 */

/** RFC 8187 `attr-char` plus nothing else: everything else is percent-encoded. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function asciiFallback(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // Accents are dropped ("é" → "e"), anything else outside printable ASCII becomes "_".
  const safe = base.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_").trim();
  return safe || "file";
}

/** `inline; filename="…"`, plus `filename*` when the ASCII fallback is not the name itself. */
export function contentDisposition(type: "inline" | "attachment", fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() || "file";
  const fallback = asciiFallback(name);
  const plain = `${type}; filename="${fallback}"`;
  return fallback === name ? plain : `${plain}; filename*=UTF-8''${encodeExtValue(name)}`;
}
