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
    return new TextDecoder(label ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
