/** HTTP helpers for the server in front of the app (no Payload, no Next): client addresses behind proxies. */
export { clientAddress, normalizeAddress, parseTrustProxy, rateLimitBucket, trustProxySchema, type TrustProxy } from '../http/clientAddress.js'
