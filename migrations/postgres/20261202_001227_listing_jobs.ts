import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { POSTGRES_VOCABULARY_LOCK_DOWN, POSTGRES_VOCABULARY_LOCK_UP } from '../../src/listing/wordIndexSchema'

/**
 * The topic re-index job (its task slug in Payload's job enums), and the word index trigger that
 * takes the vocabulary lock, so that pruning the vocabulary cannot race an index write.
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'newsroomReindexTopic' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'newsroomReindexTopic' BEFORE 'schedulePublish';`)
  await db.execute(sql.raw(POSTGRES_VOCABULARY_LOCK_UP))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(POSTGRES_VOCABULARY_LOCK_DOWN))
  await db.execute(sql`
   ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'newsletterSendMail', 'newsletterDigest', 'newsletterDigestDaily', 'newsletterDigestWeekly', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'newsletterSendMail', 'newsletterDigest', 'newsletterDigestDaily', 'newsletterDigestWeekly', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";`)
}
