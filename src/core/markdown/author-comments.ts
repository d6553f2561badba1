/** A card's Markdown without the authors' quiz comments (docs/card-format.md), which are never shown or searched. */
export function withoutQuizComments(markdown: string): string {
  if (!markdown.includes('<!--')) return markdown;
  return markdown.replace(/^[ \t]*<!--\s*quiz\b[\s\S]*?-->[ \t]*\n?/gm, '');
}
