import type { Random } from './random'

/** Numbers a parser or a database column chokes on, as the strings a query string carries. */
export const ODD_NUMBERS = [
  '0', '-0', '-1', '1', '7', '100', '101', '1.5', '-2.5', '1e400', '-1e400', '1e20', '99999999999999999999',
  '2147483647', '2147483648', '-2147483649', '9007199254740993', 'NaN', 'Infinity', '-Infinity', '0x10', '1_000',
  ' 5 ', '５', '١٢', '', '00001', '1e-7', '.5', '5.', '+3', '1,2', '1;2',
]

export const ODD_STRINGS = [
  '', 'a', 'å ä ö', 'Psykisk hälsa', '🙂👩‍💻', '\u0000', 'a\u0000b', '\uD800', '\uFFFE', '\u202E', 'x'.repeat(5000), '%', '%00', '%ZZ',
  "' OR 1=1 --", '"; DROP TABLE news; --', '<script>alert(1)</script>', '../../etc/passwd', '\r\nX-Injected: 1', 'null',
  'true', 'false', 'undefined', '[object Object]', '__proto__', 'constructor', 'prototype', '*', '%_%', '\\', '\t', ' ',
  'SELECT', '{"a":1}', '[1,2]', 'published', 'draft', 'sv', 'en', 'xx', 'all', '*', '.', '..', 'a.b', 'a__b',
]

export const ODD_DATES = [
  'notadate', '2021-04-20', '2021-04-20T08:00:00Z', '2021-02-30', '2021-13-01', '0000-01-01', '0001-01-01', '9999-12-31',
  '+275760-09-13', '-000001-01-01', '99999-01-01', '1e20', '0', '-8640000000000001', 'Tue, 20 Apr 2021 08:00:00 GMT',
  '2021-04-20T25:61:61Z', '2021-04-20T08:00:00+99:00', '',
]

export const ODD_BOOLEANS = ['true', 'false', 'TRUE', '1', '0', 'yes', '', 'null', 'maybe']

/** A value for a query string: mostly short, sometimes hostile. */
export function oddScalar(r: Random): string {
  return r.weighted([
    [4, () => r.pick(ODD_STRINGS)],
    [3, () => r.pick(ODD_NUMBERS)],
    [2, () => r.pick(ODD_DATES)],
    [1, () => r.pick(ODD_BOOLEANS)],
  ] as const)()
}

/** A JSON value of any type, including deep nesting, big numbers and NUL. */
export function oddJson(r: Random, depth = 0): unknown {
  return r.weighted([
    [3, () => r.pick(ODD_STRINGS)],
    [2, () => Number(r.pick(ODD_NUMBERS.filter((n) => Number.isFinite(Number(n))))) || 0],
    [1, () => r.chance(0.5)],
    [1, () => null],
    [depth < 4 ? 2 : 0, () => Array.from({ length: r.int(4) }, () => oddJson(r, depth + 1))],
    [depth < 4 ? 2 : 0, () => Object.fromEntries(Array.from({ length: r.int(4) }, () => [r.pick(ODD_STRINGS).slice(0, 20), oddJson(r, depth + 1)]))],
  ] as const)()
}

/** `[[[…]]]` nested `levels` deep, as JSON text. */
export const deepJson = (levels: number) => '['.repeat(levels) + ']'.repeat(levels)
