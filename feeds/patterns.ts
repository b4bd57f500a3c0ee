/** The patterns and bounds of the input rules (fields.ts), shared by the zod schemas and the fast checks. */
import { z } from 'zod'

// scheme://host[:port][/path][?query][#fragment]; host: DNS labels (Unicode allowed), IPv4 or [IPv6]; no whitespace.
export const ABSOLUTE_URL =
  /^https?:\/\/(?:[^\s@/?#]+@)?(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?(?:[/?#]\S*)?$/iu
export const NOT_BLANK = /\S/
export const EMAIL = z.regexes.email
export const MIN_YEAR = 1000
export const MAX_YEAR = 9999
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/
export const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/
export const MIME_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$/

export const isoDateTime = z.iso.datetime({ offset: true })
export const isoDate = z.iso.date()
/** The exact patterns zod tests the two string forms of a date against (read from the schemas). */
export const ISO_DATE_TIME: RegExp = isoDateTime._zod.def.pattern!
export const ISO_DATE: RegExp = isoDate._zod.def.pattern!
