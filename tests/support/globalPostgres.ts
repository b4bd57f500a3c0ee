import type { TestProject } from 'vitest/node'

import { findPostgresBin, startPostgres } from './postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string
  }
}

/** Starts one throwaway PostgreSQL for the postgres project; each test file makes its own database in it. */
export default async function setup(project: TestProject) {
  if (!findPostgresBin()) {
    if (process.env.CI === 'true') throw new Error('CI=true but PostgreSQL is not installed (apt-get install postgresql)')
    console.warn('[postgres] server binaries not found: the postgres project is skipped')
    project.provide('postgresUrl', '')
    return
  }
  const server = await startPostgres()
  project.provide('postgresUrl', server.url('').replace(/\/$/, ''))
  return () => server.stop()
}
