const FOLD: Record<string, string> = {
  å: 'a', ä: 'a', ö: 'o', æ: 'ae', ø: 'o', ü: 'u', ß: 'ss',
}

/**
 * URL slug from a title. Swedish å/ä/ö fold to a/a/o (as on Swedish public-sector sites,
 * "Psykisk hälsa" → "psykisk-halsa"); other accents are stripped by Unicode decomposition.
 */
export function slugify(input: string): string {
  return input
    .toLowerCase()
    .replace(/[åäöæøüß]/g, (ch) => FOLD[ch] ?? ch)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)
    .replace(/-+$/g, '')
}
