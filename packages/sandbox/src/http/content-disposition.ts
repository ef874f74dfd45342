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
  const safe = base.normalize("NFKD").replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_").trim();
  return safe || "file";
}

export function contentDisposition(type: "inline" | "attachment", fileName: string): string {
  const fallback = asciiFallback(fileName);
  const plain = fallback === fileName;
  return plain ? `${type}; filename="${fallback}"` : `${type}; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(fileName.split(/[\\/]/).pop() || "file")}`;
}
