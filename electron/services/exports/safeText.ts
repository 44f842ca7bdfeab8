/**
 * The one place text enters an exported file (Word, and any other XML-based format). XML 1.0
 * forbids most control characters, U+FFFE/U+FFFF and lone surrogates: one of them makes the
 * whole document unreadable, so they are removed. Bidirectional controls are removed too, so a
 * name cannot reorder what a reader sees ("gnp.exe" shown as "exe.png").
 */
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

export function safeText(text: string): string {
  return text.replace(XML_ILLEGAL, '').replace(BIDI_CONTROLS, '');
}
