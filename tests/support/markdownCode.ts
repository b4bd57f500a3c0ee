/** The fenced code blocks of one language in a Markdown text, in order (```js … ```). */
export function codeBlocks(markdown: string, lang: string): string[] {
  const fence = new RegExp('^```' + lang + '[ \\t]*\\r?\\n([\\s\\S]*?)^```[ \\t]*$', 'gm')
  return [...markdown.matchAll(fence)].map((m) => m[1]!)
}

/** What a README block says it prints: its `// → text` comments, in order. */
export function promisedOutput(code: string): string[] {
  return [...code.matchAll(/\/\/ → (.*)$/gm)].map((m) => m[1]!.trimEnd())
}
