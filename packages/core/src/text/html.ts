/** HTML read as text: only the text content is linted, at the offsets it has in the HTML. */

/** Tags, scripts, styles and comments: replaced by spaces. */
const HTML_SKIP = /<(script|style)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<[^>]*>/gi;
const HTML_BLOCK_TAG =
  /^<\/?(p|div|h[1-6]|li|ul|ol|tr|td|th|table|section|article|header|footer|blockquote|pre|br|hr|dd|dt|dl|main|nav|aside|figure|figcaption|title|body|head|html)\b/i;

/** HTML to offset-preserving text: tags, scripts, styles and comments become spaces. */
export function htmlToText(text: string): string {
  return text.replace(HTML_SKIP, (tag) => {
    const blank = tag.replace(/[^\r\n]/g, ' ');
    // Block tags end a paragraph, so sentences on either side do not run together.
    return HTML_BLOCK_TAG.test(tag) && blank.length >= 2 ? `\n\n${blank.slice(2)}` : blank;
  });
}
