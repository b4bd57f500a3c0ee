/** RSS 2.0 renderer (with atom:link self, content:encoded, Media RSS). */
import { toRfc822 } from './dates.js'
import type { FeedChannelInput, FeedItemInput, Person } from './schema.js'
import { isUrl, parseFeedInput, plainTextToHtml } from './shared.js'
import { XML_DECLARATION, escapeXmlAttr as attr, escapeXmlText as text } from './xml.js'

const RSS_OPEN =
  XML_DECLARATION +
  '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/"' +
  ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">\n<channel>\n'

/** RSS `managingEditor` / `author` need an e-mail: `mail@example.se (Name)`. */
function rssPerson(person: Person): string {
  return person.email + ' (' + person.name + ')'
}

/**
 * Renders an RSS 2.0 document. Validates input (throws `ZodError`).
 * The item `summary` (plain text) goes to `<description>`, HTML-escaped so
 * readers that treat description as HTML show it literally; `contentHtml`
 * goes to `<content:encoded>`.
 */
export function renderRss(channelInput: FeedChannelInput, itemsInput: readonly FeedItemInput[]): string {
  const { channel, items } = parseFeedInput(channelInput, itemsInput)
  let out =
    RSS_OPEN +
    '<title>' + text(channel.title) + '</title>\n' +
    '<link>' + text(channel.link) + '</link>\n' +
    '<description>' + text(plainTextToHtml(channel.description)) + '</description>\n' +
    '<atom:link href="' + attr(channel.feedUrl) + '" rel="self" type="application/rss+xml"/>\n' +
    '<language>' + text(channel.language) + '</language>\n'
  if (channel.copyright) out += '<copyright>' + text(channel.copyright) + '</copyright>\n'
  if (channel.author?.email) out += '<managingEditor>' + text(rssPerson(channel.author)) + '</managingEditor>\n'
  out +=
    '<lastBuildDate>' + toRfc822(channel.updated) + '</lastBuildDate>\n' +
    '<generator>' + text(channel.generator) + '</generator>\n' +
    '<docs>https://www.rssboard.org/rss-specification</docs>\n'
  if (channel.image) {
    const image = channel.image
    out +=
      '<image><url>' + text(image.url) + '</url><title>' + text(channel.title) + '</title><link>' + text(channel.link) + '</link>' +
      (image.width && image.width <= 144 ? '<width>' + image.width + '</width>' : '') +
      (image.height && image.height <= 400 ? '<height>' + image.height + '</height>' : '') +
      '</image>\n'
  }

  const parts: string[] = [out]
  for (const item of items) {
    let entry =
      '<item>\n<title>' + text(item.title) + '</title>\n' +
      '<link>' + text(item.url) + '</link>\n' +
      (isUrl(item.id)
        ? '<guid isPermaLink="true">' + text(item.id) + '</guid>\n'
        : '<guid isPermaLink="false">' + text(item.id) + '</guid>\n') +
      '<pubDate>' + toRfc822(item.published) + '</pubDate>\n'
    if (item.summary) entry += '<description>' + text(plainTextToHtml(item.summary)) + '</description>\n'
    if (item.contentHtml) entry += '<content:encoded>' + text(item.contentHtml) + '</content:encoded>\n'
    for (const author of item.authors) {
      entry += '<dc:creator>' + text(author.name) + '</dc:creator>\n'
    }
    for (const category of item.categories) {
      entry += '<category>' + text(category.label) + '</category>\n'
    }
    const image = item.image
    if (image) {
      const url = attr(image.url)
      const type = attr(image.type)
      entry +=
        '<enclosure url="' + url + '" type="' + type + '" length="' + image.length + '"/>\n' +
        '<media:content url="' + url + '" type="' + type + '" medium="image" fileSize="' + image.length + '"' +
        (image.width ? ' width="' + image.width + '"' : '') +
        (image.height ? ' height="' + image.height + '"' : '')
      entry += image.alt
        ? '><media:description type="plain">' + text(image.alt) + '</media:description></media:content>\n'
        : '/>\n'
    }
    parts.push(entry + '</item>\n')
  }
  parts.push('</channel>\n</rss>\n')
  return parts.join('')
}
