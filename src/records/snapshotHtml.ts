import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'

type Record_ = { collection: string; document: string; version: string; publishedAt: string; publishedBy: string | null; deleted?: boolean; data: Record<string, any> }
type Hero = { mimeType: string; bytes: Buffer; alt: Record<string, string> | string | null } | null

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
const inLocale = (v: unknown, locale: string) => (v && typeof v === 'object' && !Array.isArray(v) && !('root' in v) ? (v as Record<string, unknown>)[locale] : v)

const body = (value: unknown) => {
  if (!value || typeof value !== 'object') return ''
  try {
    return convertLexicalToHTML({ data: value as never, disableContainer: true })
  } catch {
    return '<p>(The body could not be rendered; see the JSON file.)</p>'
  }
}

/**
 * One published version as a self-contained HTML page (inline CSS, the hero image as a data: URL,
 * no scripts or outside references), every locale one after the other.
 */
export function snapshotHtml(r: Record_, locales: string[], hero: Hero): string {
  const d = r.data
  const img = hero ? `data:${hero.mimeType};base64,${hero.bytes.toString('base64')}` : null
  const sections = locales
    .filter((l) => inLocale(d.title, l))
    .map((l) => {
      const alt = hero ? inLocale(hero.alt, l) : ''
      return `<article lang="${esc(l)}">
<h2>${esc(inLocale(d.title, l))}</h2>
${inLocale(d.summary, l) ? `<p class="summary">${esc(inLocale(d.summary, l))}</p>` : ''}
${img ? `<img src="${img}" alt="${esc(alt)}">` : ''}
${body(inLocale(d.body, l))}
</article>`
    })
    .join('\n')
  const rows: [string, unknown][] = [
    ['Samling / Collection', r.collection],
    ['Dokument / Document', r.document],
    ['Version', r.version],
    ['Publicerad / Published', r.publishedAt],
    ['Publicerad av / Published by', r.publishedBy],
    ['Slug', d.slug],
    ['Arkiverad / Archived', d.archived ? 'ja / yes' : 'nej / no'],
    ...(r.deleted ? ([['Raderad / Deleted', 'ja / yes (bevarad version / retained version)']] as [string, unknown][]) : []),
  ]
  const title = inLocale(d.title, locales[0]!) ?? inLocale(d.title, locales[1] ?? '') ?? r.document
  return `<!doctype html>
<html lang="${esc(locales[0])}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} – version ${esc(r.version)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:45rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a;background:#fff}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;border-bottom:1px solid #767676;padding-bottom:1rem}dt{font-weight:600}img{max-width:100%;height:auto}.summary{font-size:1.15rem}article+article{border-top:1px solid #767676;margin-top:2rem}</style>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
<dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
${sections}
</main>
</body>
</html>
`
}
