import { z } from 'zod'

const slug = (d: string) => z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes').default(d)

/** Slugs of the two globals behind the public pages (site settings, accessibility statement). */
export const siteGlobalsOptionsSchema = z
  .object({
    /** Organisation name, logo, colours and footer links. @default 'site-settings' */
    settings: z.object({ slug: slug('site-settings') }).prefault({}),
    /** The accessibility statement (Tillgänglighetsredogörelse). @default 'accessibility-statement' */
    accessibility: z.object({ slug: slug('accessibility-statement') }).prefault({}),
  })
  .prefault({})
