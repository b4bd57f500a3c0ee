/** Moved to src/texts/labels.ts; this path stays for the collections' imports until they are updated. */
export { L } from './texts/labels.js'
