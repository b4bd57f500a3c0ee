// autocannon ships no types; only what the benchmarks use.
declare module 'autocannon' {
  namespace autocannon {
    type Request = { method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (req: Request) => Request }
    type Options = { url: string; connections?: number; duration?: number; headers?: Record<string, string>; requests?: Request[]; method?: string; body?: string }
    type Result = {
      requests: { average: number; mean: number }
      latency: { p50: number; p99: number; average: number }
      non2xx: number
      errors: number
      /** Responses by status class. */
      '1xx': number
      '2xx': number
      '3xx': number
      '4xx': number
      '5xx': number
    }
  }
  function autocannon(opts: autocannon.Options, cb: (err: Error | null, result: autocannon.Result) => void): unknown
  export default autocannon
}
