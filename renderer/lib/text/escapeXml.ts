/** Escaping text for XML and HTML. Pure. */

/** `s` with & < > " ' as entities: safe as element text and as a quoted attribute's value. */
export const escapeXml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
