/** The answer without the Markdown fence a model may wrap it in, and without outer white space. */
export function cleanAnswer(text: string): string {
  return text
    .replace(/^\s*```[a-z]*\n?/i, '')
    .replace(/\n?```\s*$/, '')
    .trim();
}
