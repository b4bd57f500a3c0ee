/**
 * The one rule for an e-mail address the newsroom accepts (sign-ups, press contacts): a local
 * part, `@`, a domain with a dot; no whitespace, quotes, brackets or list separators anywhere, so
 * an address can go into a mail header or a CSV as it is; at most 254 characters (RFC 5321).
 */
const EMAIL_ADDRESS = /^[^\s@"<>()[\]\\,;:]+@[^\s@"<>()[\]\\,;:]+\.[^\s@"<>()[\]\\,;:]+$/

export const isEmailAddress = (value: unknown): value is string => typeof value === 'string' && value.length <= 254 && EMAIL_ADDRESS.test(value)
