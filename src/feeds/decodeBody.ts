/** How far into a document its declared encoding is looked for (the HTML standard's prescan reads 1,024 bytes). */
const prescanLength = 1024;

function findDeclaredCharset(contentType: string | undefined, bytes: Buffer): string | undefined {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader;
  const head = bytes.subarray(0, prescanLength).toString('latin1');
  return (
    /<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1] ??
    /<meta[^>]*\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1]
  );
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (the WHATWG Encoding Standard's index-windows-1252);
 * an undefined byte keeps its C1 control. Node 20's TextDecoder decodes windows-1252 (and the
 * labels the standard maps to it: iso-8859-1, latin1, us-ascii) as ISO-8859-1, which turns a
 * feed's curly quotes and dashes into control characters.
 */
const windows1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Buffer): string {
  return bytes
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (control) => windows1252High.charAt(control.charCodeAt(0) - 0x80));
}

/**
 * Decodes a fetched body to text: a byte order mark wins, then the `charset` of the Content-Type
 * header, then an XML declaration's `encoding` or an HTML `<meta charset>`, else UTF-8. Unknown
 * labels fall back to UTF-8; bytes that do not decode become U+FFFD rather than failing the item.
 *
 * @param contentType the response's Content-Type header, if any.
 */
export function decodeBody(bytes: Buffer, contentType: string | undefined): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const label = findDeclaredCharset(contentType, bytes);
  try {
    const decoder = new TextDecoder(label ?? 'utf-8');
    return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
