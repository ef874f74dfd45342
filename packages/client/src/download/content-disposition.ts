/**
 * The file name of a `Content-Disposition` header (RFC 6266): `filename*` (RFC 8187,
 * which recipients must read in UTF-8 and ISO-8859-1) when present, else `filename`,
 * quoted or not; made safe to use as one name in a folder (see `safeFileName`).
 */
export function fileNameFromContentDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      const value = extended[2]!.trim();
      // ISO-8859-1's code points are the bytes' values; anything else is read as UTF-8.
      const latin1 = extended[1]!.trim().toLowerCase() === "iso-8859-1";
      return safeFileName(latin1 ? value.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : decodeURIComponent(value));
    } catch {
      // A malformed extended value: fall back to the plain `filename`.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header);
  if (!plain) return undefined;
  return safeFileName(plain[1] !== undefined ? plain[1].replace(/\\(.)/g, "$1") : plain[2]!);
}

/**
 * The server's name as one file name, never a path: RFC 6266 (4.3) has a recipient keep
 * only the last segment of a name with `/` or `\` and never write outside where it is
 * entitled, so `saveTo(join(folder, fileName))` stays in `folder`. As browsers'
 * download managers do (Firefox's also drops leading dots): control characters and the
 * characters Windows refuses in a name (`<>:"|?*`; `C:x` would name a drive, `a:b` a
 * stream) become `_`, surrounding spaces and trailing dots go (Windows drops them), and
 * what is left of `.`, `..` or blanks is no name at all.
 */
function safeFileName(name: string): string | undefined {
  const lastSegment = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  const safe = lastSegment.replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*]/g, "_").trim().replace(/[.\s]+$/, "");
  return safe || undefined;
}
