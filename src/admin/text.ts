/** Moved to src/texts/admin.ts; this path stays for the import in collections/ until it is updated. */
export { T } from '../texts/admin.js'
export { adminLang as lang } from '../texts/lang.js'
