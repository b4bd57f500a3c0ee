import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { sv } from '@payloadcms/translations/languages/sv'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { usersCollection } from './demo/users'
import { newsroomPlugin } from 'payload-plugin-newsroom'
import { databaseAdapter, migrationsFor } from './demo/database'
import { type AppEnv, readEnv } from './demo/env'
import { ensureAdminFromEnv, seedDemoContent } from './demo/seed/seedDemo'
import { smtpTransport } from './demo/smtpTransport'

const root = path.dirname(fileURLToPath(import.meta.url))

/** The runnable newsroom CMS: the one place where the plugin, database, mail and admin are put together. */
export function createConfig(env: AppEnv) {
  return buildConfig({
    secret: env.PAYLOAD_SECRET,
    serverURL: env.SERVER_URL,
    db: databaseAdapter(env.DATABASE_URL, root),
    editor: lexicalEditor(),
    sharp,
    admin: {
      user: usersCollection.slug,
      avatar: 'default',
      importMap: { baseDir: root },
      meta: { titleSuffix: ' – Nyhetsrum' },
    },
    collections: [usersCollection],
    localization: {
      locales: [
        { code: 'sv', label: 'Svenska' },
        { code: 'en', label: 'English' },
      ],
      defaultLocale: 'sv',
      fallback: true,
    },
    i18n: { supportedLanguages: { sv, en }, fallbackLanguage: 'sv' },
    email: env.SMTP_URL
      ? nodemailerAdapter({
          defaultFromAddress: env.MAIL_FROM,
          defaultFromName: env.MAIL_FROM_NAME,
          // Pooled and without Nagle's delay (see src/newsletter/sendMail.ts).
          transport: smtpTransport(env.SMTP_URL),
        })
      : undefined,
    jobs: {
      // Scheduled publish/unpublish are jobs on the default queue; they run in this server.
      autoRun: [{ cron: '* * * * *', queue: 'default', limit: 100 }],
      shouldAutoRun: () => env.RUN_JOBS === 'true',
    },
    plugins: [newsroomPlugin({ serverURL: env.SERVER_URL, mediaDir: env.MEDIA_DIR, trustProxy: env.TRUST_PROXY, cors: { origins: env.CORS_ORIGINS } })],
    typescript: { autoGenerate: false, outputFile: path.join(root, 'payload-types.ts') },
    graphQL: { schemaOutputFile: path.join(root, 'schema.graphql') },
    onInit: async (payload) => {
      const migrations = migrationsFor(env.DATABASE_URL)
      if (migrations.length) await payload.db.migrate({ migrations })
      await ensureAdminFromEnv(payload, env.ADMIN_EMAIL, env.ADMIN_PASSWORD)
      if (env.SEED === 'true') await seedDemoContent(payload)
    },
  })
}

export default createConfig(readEnv())
