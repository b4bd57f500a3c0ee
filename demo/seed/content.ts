/**
 * Swedish demo content, condensed from a regional association's public pages on mental health
 * (see ../shared/seeds). Used by the first-start seed so a newcomer sees a real newsroom.
 */
export const seedTopics = [
  { slug: 'psykisk-halsa', title: 'Psykisk hälsa', titleEn: 'Mental health', description: 'Förebyggande arbete med psykisk hälsa i länet.' },
  { slug: 'suicidprevention', title: 'Suicidprevention', titleEn: 'Suicide prevention', parent: 'psykisk-halsa', description: 'Länsgemensam satsning på suicidprevention.' },
  { slug: 'barn-och-unga', title: 'Barn och unga', titleEn: 'Children and young people', parent: 'psykisk-halsa', description: 'Främjande och förebyggande arbete för barn och unga.' },
  { slug: 'stimulansmedel', title: 'Stimulansmedel', titleEn: 'Government grants', parent: 'psykisk-halsa' },
]

export type SeedItem = {
  collection: 'news' | 'events' | 'press'
  title: string
  titleEn?: string
  summary: string
  publishedAt: string
  lastModified?: string
  topics: string[]
  paragraphs: string[]
  related?: { label: string; url: string }[]
  event?: { start: string; end: string; allDay?: boolean; location?: { name: string; address?: string }; organizer?: string }
}

export const seedItems: SeedItem[] = [
  {
    collection: 'news',
    title: 'Stimulansmedel inom området psykisk hälsa',
    titleEn: 'Government grants for mental health',
    publishedAt: '2020-04-17T08:00:00.000Z',
    topics: ['psykisk-halsa', 'stimulansmedel', 'suicidprevention'],
    summary:
      'I överenskommelsen Insatser inom området psykisk hälsa, som antogs av Sveriges kommuner och regioner tidigare i år, finns stimulansmedel till kommuner och regioner samt gemensamma medel till Stockholms län. Syftet är att stärka arbetet med psykisk hälsa.',
    paragraphs: [
      'Den 31 januari 2020 antog Sveriges kommuner och regioner (SKR) överenskommelsen Insatser inom området psykisk hälsa 2020. I överenskommelsen finns stimulansmedel till kommuner och regioner, men det finns även gemensamma medel till länet. 69 miljoner kronor av de totala medlen går enligt överenskommelsen till kommunerna i Stockholms län.',
      '## Länsgemensamma insatser för arbete med psykisk hälsa',
      'I överenskommelsen finns det även, för 2020, 110 miljoner kronor till Stockholms län för länsgemensamma insatser: sammanhållen vård, brukarmedverkan, suicidprevention och ungdomsmottagningar.',
      '## Suicidprevention',
      'Vad gäller suicidprevention finns en länsgemensam satsning med kostnadsfritt stöd till kommunerna i planering och implementering av evidensbaserade metoder. Det är Nationellt centrum för suicidforskning och prevention (NASP) som tillhandahåller stödet till kommunerna.',
    ],
    related: [{ label: 'Nationellt centrum för suicidforskning och prevention (NASP)', url: 'https://ki.se/nasp' }],
  },
  {
    collection: 'news',
    title: 'Länsgemensamma satsningar inom psykisk hälsa',
    titleEn: 'County-wide initiatives in mental health',
    publishedAt: '2021-04-20T08:00:00.000Z',
    topics: ['psykisk-halsa', 'suicidprevention', 'barn-och-unga'],
    summary:
      'Kommunerna i länet kan under året ta del av de länsgemensamma satsningarna Uppdrag psykisk hälsa Stockholms län och de aktiviteter som genomförs av Nationellt centrum för suicidforskning och prevention.',
    paragraphs: [
      'Genom överenskommelser mellan staten och Sveriges kommuner och regioner (SKR) har särskilda satsningar på psykisk hälsa och psykisk ohälsa genomförts sedan 2008.',
      '## Fortsatt satsning på det lokala arbetet med suicidprevention',
      'NASP är Region Stockholms och statens expertorgan för suicidprevention. Via NASP kan kommuner delta i Aktion livräddning, en endagsutbildning i suicidprevention.',
      '## Stort fokus på att främja psykisk hälsa hos yngre barn',
      'En prioriterad aktivitet för Uppdrag psykisk hälsa Stockholms län i år är att stödja utvecklingen av främjande och förebyggande arbete med barn i förskoleålder.',
    ],
  },
  {
    collection: 'news',
    title: 'Handlingsplan för psykisk hälsa 2021',
    titleEn: 'Mental health action plan 2021',
    publishedAt: '2021-02-10T08:00:00.000Z',
    topics: ['psykisk-halsa', 'barn-och-unga'],
    summary:
      'En gemensam handlingsplan skapar förutsättningar för ett långsiktigt arbete på området psykisk hälsa, där berörda aktörer i Stockholms län tar ett gemensamt ansvar.',
    paragraphs: [
      'Handlingsplanen för 2021 fokuserar på barn och unga, gemensam tvärsektoriell ledning, styrning och utveckling samt kunskap och kompetens.',
      '## Löpande aktiviteter',
      'Sprida metoder för främjande av psykisk hälsa hos unga, främja skolnärvaro och sprida fortsatt länsgemensam satsning på suicidprevention.',
    ],
  },
  {
    collection: 'news',
    title: 'Uppdrag psykisk hälsa 2015',
    publishedAt: '2015-05-04T08:00:00.000Z',
    lastModified: '2015-06-27T08:00:00.000Z',
    topics: ['psykisk-halsa'],
    summary:
      'Ett av regeringens främsta mål är att förebygga psykisk ohälsa – ett växande samhällsproblem som drabbar såväl barn, ungdomar och vuxna.',
    paragraphs: [
      '”Jag tycker det är jättebra att man gör en stor och bred satsning med tidiga insatser”, säger Ing-Marie Wieselgren, nationell samordnare för psykisk hälsa på SKL.',
      '## De gemensamma målen',
      'En jämlik, kunskapsbaserad, säker och tillgänglig vård och omsorg av god kvalitet. Tillgång till arbete och sysselsättning. Möjlighet till delaktighet och inflytande.',
    ],
  },
  {
    collection: 'events',
    title: 'Samordnarnätverk psykisk hälsa',
    publishedAt: '2026-09-01T08:00:00.000Z',
    topics: ['psykisk-halsa'],
    summary: 'Nätverksträff för kommunernas samordnare inom psykisk hälsa.',
    paragraphs: ['Storsthlm anordnar samordnarnätverk fyra gånger per år för kommunernas samordnare inom psykisk hälsa.'],
    event: {
      start: '2027-02-11T08:30:00.000Z',
      end: '2027-02-11T11:00:00.000Z',
      location: { name: 'Storsthlm', address: 'Hornsgatan 20, Stockholm' },
      organizer: 'Storsthlm',
    },
  },
  {
    collection: 'press',
    title: 'Kostnadsfritt stöd till kommunernas arbete med suicidprevention',
    publishedAt: '2021-03-01T08:00:00.000Z',
    topics: ['suicidprevention'],
    summary: 'Kommunerna i Stockholms län erbjuds kostnadsfritt stöd att ta fram lokala handlingsplaner för suicidprevention.',
    paragraphs: ['Den länsgemensamma satsningen som NASP genomför består bland annat av kostnadsfritt stöd till kommuner som arbetar med lokala handlingsplaner för suicidprevention.'],
  },
]
