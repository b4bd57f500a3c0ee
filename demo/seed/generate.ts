import { lexicalFromParagraphs } from './lexical'

/**
 * Deterministic generator of realistic Swedish newsroom content for benchmarks and demos:
 * a topic tree of about twenty topics and any number of mixed news, events and press items.
 */
export const generatedTopics: { slug: string; title: string; parent?: string }[] = [
  { slug: 'psykisk-halsa', title: 'Psykisk hälsa' },
  { slug: 'suicidprevention', title: 'Suicidprevention', parent: 'psykisk-halsa' },
  { slug: 'barn-och-unga', title: 'Barn och unga', parent: 'psykisk-halsa' },
  { slug: 'aldre', title: 'Äldre', parent: 'psykisk-halsa' },
  { slug: 'beroende', title: 'Beroende', parent: 'psykisk-halsa' },
  { slug: 'stimulansmedel', title: 'Stimulansmedel', parent: 'psykisk-halsa' },
  { slug: 'socialtjanst', title: 'Socialtjänst' },
  { slug: 'ekonomiskt-bistand', title: 'Ekonomiskt bistånd', parent: 'socialtjanst' },
  { slug: 'hemloshet', title: 'Hemlöshet', parent: 'socialtjanst' },
  { slug: 'vald-i-nara-relationer', title: 'Våld i nära relationer', parent: 'socialtjanst' },
  { slug: 'utbildning', title: 'Utbildning' },
  { slug: 'forskola', title: 'Förskola', parent: 'utbildning' },
  { slug: 'gymnasieskola', title: 'Gymnasieskola', parent: 'utbildning' },
  { slug: 'vuxenutbildning', title: 'Vuxenutbildning', parent: 'utbildning' },
  { slug: 'arbetsmarknad', title: 'Arbetsmarknad' },
  { slug: 'digitalisering', title: 'Digitalisering' },
  { slug: 'e-tjanster', title: 'E-tjänster', parent: 'digitalisering' },
  { slug: 'informationssakerhet', title: 'Informationssäkerhet', parent: 'digitalisering' },
  { slug: 'folkhalsa', title: 'Folkhälsa' },
  { slug: 'kris-och-beredskap', title: 'Kris och beredskap' },
]

const openings = ['Ny satsning på', 'Länsgemensamt arbete med', 'Stöd till kommunerna inom', 'Handlingsplan för', 'Utbildningsdag om', 'Rapport om', 'Stimulansmedel för', 'Samverkan kring', 'Nätverksträff om', 'Ökat fokus på']
const subjects = ['psykisk hälsa', 'suicidprevention', 'barn och unga', 'äldres hälsa', 'ensamhet bland äldre', 'skolnärvaro', 'hemlöshet', 'våld i nära relationer', 'beroendevård', 'digitala tjänster', 'informationssäkerhet', 'folkhälsa', 'krisberedskap', 'förskolans elevhälsa', 'vuxenutbildning']
const places = ['i Stockholms län', 'i Nacka', 'i Södertälje', 'i Norrtälje', 'på Gotland', 'i Huddinge', 'i Solna', 'i hela länet', 'i regionen', 'i Botkyrka']
const sentences = [
  'Kommunerna i länet kan under året ta del av de länsgemensamma satsningarna.',
  'Syftet är att stärka arbetet med psykisk hälsa och förebygga psykisk ohälsa.',
  'Överenskommelsen mellan staten och Sveriges kommuner och regioner ger stimulansmedel till kommuner och regioner.',
  'Nationellt centrum för suicidforskning och prevention erbjuder kostnadsfritt stöd till kommunerna.',
  'Samordnarnätverket träffas fyra gånger per år för att dela erfarenheter och kunskap.',
  'Arbetet följs upp med en gemensam analys av nuläget för barn, unga och vuxna.',
  'Förskolan gör ett viktigt hälsofrämjande och förebyggande arbete med läroplanen som grund.',
  'Tvärsektoriell samverkan i ledning och styrning ger bättre förutsättningar för det lokala arbetet.',
  'Utbildningen i första hjälpen för psykisk hälsa ger trygghet i att bemöta en person i kris.',
  'Medlen fördelas enligt befolkningsmängd och kan rekvireras från Storsthlm.',
  'Handlingsplanen uppdateras och revideras varje år tillsammans med berörda aktörer.',
  'Brukarmedverkan är en viktig del av utvecklingsarbetet i länet.',
]
const venues = [
  { name: 'Storsthlm', address: 'Hornsgatan 20, Stockholm' },
  { name: 'Kulturhuset', address: 'Sergels torg, Stockholm' },
  { name: 'Digitalt via Teams', address: '' },
  { name: 'Nacka stadshus', address: 'Granitvägen 15, Nacka' },
]

/** Mulberry32: small, fast and the same sequence everywhere for the same seed. */
export function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type GeneratedItem = {
  collection: 'news' | 'events' | 'press'
  title: string
  summary: string
  paragraphs: string[]
  publishedAt: string
  status: 'published' | 'draft'
  topics: string[]
  event?: { start: string; end: string; allDay: boolean; location: { name: string; address: string }; organizer: string }
}

const DAY = 86_400_000

/** Item `i` of a generated set: about 60 % news, 25 % events, 15 % press; every 20th a draft. */
export function generateItem(i: number, now = Date.UTC(2026, 10, 1)): GeneratedItem {
  const rnd = prng(i + 1)
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]
  const r = rnd()
  const collection = r < 0.6 ? 'news' : r < 0.85 ? 'events' : 'press'
  const subject = pick(subjects)
  const title = `${pick(openings)} ${subject} ${pick(places)}`
  const publishedAt = new Date(now - Math.floor(rnd() * 5 * 365 * DAY))
  const topics = [...new Set([pick(generatedTopics).slug, ...(rnd() < 0.4 ? [pick(generatedTopics).slug] : [])])]
  const paragraphs = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => `${pick(sentences)} ${pick(sentences)}`)
  const item: GeneratedItem = {
    collection,
    title: `${title} (${i + 1})`,
    summary: `${pick(sentences)} Det gäller ${subject} ${pick(places)}.`,
    paragraphs,
    publishedAt: publishedAt.toISOString(),
    status: i % 20 === 19 ? 'draft' : 'published',
    topics,
  }
  if (collection === 'events') {
    const start = new Date(publishedAt.getTime() + Math.floor(rnd() * 120) * DAY + 9 * 3_600_000)
    const allDay = rnd() < 0.2
    item.event = {
      start: start.toISOString(),
      end: new Date(start.getTime() + (allDay ? DAY : (1 + Math.floor(rnd() * 4)) * 3_600_000)).toISOString(),
      allDay,
      location: pick(venues),
      organizer: 'Storsthlm',
    }
  }
  return item
}

/** The Local API `data` for generated item `i`; `topicId` maps a topic slug to its id. */
export function generatedItemData(item: GeneratedItem, i: number, topicId: (slug: string) => number | string) {
  return {
    _status: item.status,
    title: item.title,
    slug: `${item.collection}-${i + 1}`,
    summary: item.summary,
    body: lexicalFromParagraphs(item.paragraphs),
    publishedAt: item.publishedAt,
    lastModified: item.publishedAt,
    topics: item.topics.map(topicId),
    ...item.event,
  }
}
