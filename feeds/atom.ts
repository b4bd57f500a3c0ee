/** Atom 1.0 renderer (RFC 4287). */
import { toRfc3339 } from './dates.js'
import type { FeedChannelInput, FeedItem, FeedItemInput, Person } from './schema.js'
import { parseFeedInput } from './shared.js'
import { XML_DECLARATION, escapeXmlAttr as attr, escapeXmlText as text, stripInvalidChars } from './xml.js'

const IRI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/
const TAG_SPECIFIC = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]/g

function personElement(name: 'author' | 'contributor', person: Person): string {
  return (
    '<' + name + '><name>' + text(person.name) + '</name>' +
    (person.email ? '<email>' + text(person.email) + '</email>' : '') +
    (person.url ? '<uri>' + text(person.url) + '</uri>' : '') +
    '</' + name + '>'
  )
}

/**
 * Atom ids must be absolute IRIs. An item id that already is one is used as
 * is; otherwise a tag URI (RFC 4151) is built from the site's host and the
 * item's publication date: `tag:example.se,2026-03-21:news-42`.
 */
export function atomEntryId(host: string, item: FeedItem): string {
  const id = stripInvalidChars(item.id)
  if (IRI_SCHEME.test(id)) return id
  const specific = id.replace(TAG_SPECIFIC, encodeURIComponent)
  return 'tag:' + host + ',' + toRfc3339(item.published).slice(0, 10) + ':' + specific
}

/** Renders an Atom 1.0 document. Validates input (throws `ZodError`). */
export function renderAtom(channelInput: FeedChannelInput, itemsInput: readonly FeedItemInput[]): string {
  const { channel, items } = parseFeedInput(channelInput, itemsInput)
  // A feed must have an author unless every entry has one.
  const feedAuthor: Person | undefined =
    channel.author ?? (items.every((item) => item.authors.length > 0) ? undefined : { name: channel.title })

  let head =
    XML_DECLARATION +
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="' + attr(channel.language) + '">\n' +
    '<id>' + text(channel.feedUrl) + '</id>\n' +
    '<title type="text">' + text(channel.title) + '</title>\n'
  if (channel.description) head += '<subtitle type="text">' + text(channel.description) + '</subtitle>\n'
  head +=
    '<updated>' + toRfc3339(channel.updated) + '</updated>\n' +
    '<link rel="self" type="application/atom+xml" href="' + attr(channel.feedUrl) + '"/>\n' +
    '<link rel="alternate" type="text/html" href="' + attr(channel.link) + '"/>\n'
  if (feedAuthor) head += personElement('author', feedAuthor) + '\n'
  if (channel.icon) head += '<icon>' + text(channel.icon) + '</icon>\n'
  if (channel.image) head += '<logo>' + text(channel.image.url) + '</logo>\n'
  if (channel.copyright) head += '<rights type="text">' + text(channel.copyright) + '</rights>\n'
  head += '<generator>' + text(channel.generator) + '</generator>\n'

  const host = new URL(channel.link).hostname
  const parts: string[] = [head]
  for (const item of items) {
    let entry =
      '<entry>\n<id>' + text(atomEntryId(host, item)) + '</id>\n' +
      '<title type="text">' + text(item.title) + '</title>\n' +
      '<updated>' + toRfc3339(item.updated) + '</updated>\n' +
      '<published>' + toRfc3339(item.published) + '</published>\n' +
      '<link rel="alternate" type="text/html" href="' + attr(item.url) + '"/>\n'
    for (const author of item.authors) entry += personElement('author', author) + '\n'
    if (item.summary) entry += '<summary type="text">' + text(item.summary) + '</summary>\n'
    if (item.contentHtml) entry += '<content type="html">' + text(item.contentHtml) + '</content>\n'
    for (const category of item.categories) {
      entry += '<category term="' + attr(category.term) + '" label="' + attr(category.label) + '"/>\n'
    }
    const image = item.image
    if (image) {
      entry +=
        '<link rel="enclosure" type="' + attr(image.type) + '" length="' + image.length + '" href="' + attr(image.url) + '"/>\n'
    }
    parts.push(entry + '</entry>\n')
  }
  parts.push('</feed>\n')
  return parts.join('')
}
