import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_newsroom_audit_log_action" ADD VALUE 'scheduleCancel' BEFORE 'scheduledRun';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "newsroom_audit_log" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_newsroom_audit_log_action";
  CREATE TYPE "public"."enum_newsroom_audit_log_action" AS ENUM('publish', 'unpublish', 'schedule', 'scheduledRun', 'archive', 'unarchive', 'delete', 'dispose');
  ALTER TABLE "newsroom_audit_log" ALTER COLUMN "action" SET DATA TYPE "public"."enum_newsroom_audit_log_action" USING "action"::"public"."enum_newsroom_audit_log_action";`)
}
