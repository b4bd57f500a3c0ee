import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { POSTGRES_VOCABULARY_LOCK_DOWN, POSTGRES_VOCABULARY_LOCK_UP } from 'payload-plugin-newsroom/migrations'

/**
 * Login attempts, the confirmation link's use, the sign-up and topic re-index jobs' task slugs
 * (enums on PostgreSQL), and the word-index trigger that takes the vocabulary lock shared, so that
 * pruning the vocabulary cannot race an index write.
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'newsletterSignup' BEFORE 'newsletterSendMail';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'newsroomReindexTopic' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'newsletterSignup' BEFORE 'newsletterSendMail';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'newsroomReindexTopic' BEFORE 'schedulePublish';
  CREATE TABLE "login_attempts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "subscribers" ADD COLUMN "confirm_token_used_at" timestamp(3) with time zone;
  ALTER TABLE "subscribers" ADD COLUMN "confirm_token_kind" varchar;
  CREATE INDEX "login_attempts_key_idx" ON "login_attempts" USING btree ("key");
  CREATE INDEX "login_attempts_expires_at_idx" ON "login_attempts" USING btree ("expires_at");
  CREATE INDEX "login_attempts_updated_at_idx" ON "login_attempts" USING btree ("updated_at");
  CREATE INDEX "login_attempts_created_at_idx" ON "login_attempts" USING btree ("created_at");`)
  await db.execute(sql.raw(POSTGRES_VOCABULARY_LOCK_UP))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql.raw(POSTGRES_VOCABULARY_LOCK_DOWN))
  await db.execute(sql`
   DROP TABLE "login_attempts" CASCADE;
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'newsletterSendMail', 'newsletterDigest', 'newsletterDigestDaily', 'newsletterDigestWeekly', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'newsletterSendMail', 'newsletterDigest', 'newsletterDigestDaily', 'newsletterDigestWeekly', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  ALTER TABLE "subscribers" DROP COLUMN "confirm_token_used_at";
  ALTER TABLE "subscribers" DROP COLUMN "confirm_token_kind";`)
}
