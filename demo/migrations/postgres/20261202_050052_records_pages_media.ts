import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_newsroom_audit_log_action" AS ENUM('publish', 'unpublish', 'schedule', 'scheduledRun', 'archive', 'unarchive', 'delete', 'dispose');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'newsroom-prune-draft-versions' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'newsroom-review-reminders' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'newsroom-prune-draft-versions' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'newsroom-review-reminders' BEFORE 'schedulePublish';
  CREATE TABLE "newsroom_audit_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"action" "enum_newsroom_audit_log_action" NOT NULL,
  	"collection" varchar NOT NULL,
  	"document" varchar NOT NULL,
  	"title" varchar,
  	"version" varchar,
  	"user" varchar,
  	"user_id" varchar,
  	"job" varchar,
  	"reason" varchar,
  	"rule" varchar,
  	"details" jsonb,
  	"summary" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "newsroom_retained_versions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"collection" varchar NOT NULL,
  	"document" varchar NOT NULL,
  	"version" varchar NOT NULL,
  	"title" varchar,
  	"published_at" timestamp(3) with time zone,
  	"published_by" varchar,
  	"media" varchar,
  	"data" jsonb NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "site_settings_footer_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"url" varchar NOT NULL
  );
  
  CREATE TABLE "site_settings_footer_links_locales" (
  	"label" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "site_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"logo_id" integer,
  	"colors_primary" varchar DEFAULT '#1d4f73',
  	"colors_link" varchar DEFAULT '#1a5a8a',
  	"colors_text" varchar DEFAULT '#1f2328',
  	"colors_background" varchar DEFAULT '#ffffff',
  	"colors_focus" varchar DEFAULT '#b3470c',
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "site_settings_locales" (
  	"organisation_name" varchar DEFAULT 'Nyhetsrum',
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "accessibility_statement" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"reviewed_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "accessibility_statement_locales" (
  	"title" varchar,
  	"body" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  ALTER TABLE "media" ADD COLUMN "sizes_thumbnail_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_thumbnail_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_thumbnail_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_thumbnail_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_thumbnail_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_thumbnail_filename" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_card_url" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_card_width" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_card_height" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_card_mime_type" varchar;
  ALTER TABLE "media" ADD COLUMN "sizes_card_filesize" numeric;
  ALTER TABLE "media" ADD COLUMN "sizes_card_filename" varchar;
  ALTER TABLE "news" ADD COLUMN "archived" boolean DEFAULT false;
  ALTER TABLE "news" ADD COLUMN "review_by" timestamp(3) with time zone;
  ALTER TABLE "news" ADD COLUMN "review_editor_id" integer;
  ALTER TABLE "news" ADD COLUMN "published_by" varchar;
  ALTER TABLE "_news_v" ADD COLUMN "version_archived" boolean DEFAULT false;
  ALTER TABLE "_news_v" ADD COLUMN "version_review_by" timestamp(3) with time zone;
  ALTER TABLE "_news_v" ADD COLUMN "version_review_editor_id" integer;
  ALTER TABLE "_news_v" ADD COLUMN "version_published_by" varchar;
  ALTER TABLE "events" ADD COLUMN "archived" boolean DEFAULT false;
  ALTER TABLE "events" ADD COLUMN "review_by" timestamp(3) with time zone;
  ALTER TABLE "events" ADD COLUMN "review_editor_id" integer;
  ALTER TABLE "events" ADD COLUMN "published_by" varchar;
  ALTER TABLE "_events_v" ADD COLUMN "version_archived" boolean DEFAULT false;
  ALTER TABLE "_events_v" ADD COLUMN "version_review_by" timestamp(3) with time zone;
  ALTER TABLE "_events_v" ADD COLUMN "version_review_editor_id" integer;
  ALTER TABLE "_events_v" ADD COLUMN "version_published_by" varchar;
  ALTER TABLE "press" ADD COLUMN "archived" boolean DEFAULT false;
  ALTER TABLE "press" ADD COLUMN "review_by" timestamp(3) with time zone;
  ALTER TABLE "press" ADD COLUMN "review_editor_id" integer;
  ALTER TABLE "press" ADD COLUMN "published_by" varchar;
  ALTER TABLE "_press_v" ADD COLUMN "version_archived" boolean DEFAULT false;
  ALTER TABLE "_press_v" ADD COLUMN "version_review_by" timestamp(3) with time zone;
  ALTER TABLE "_press_v" ADD COLUMN "version_review_editor_id" integer;
  ALTER TABLE "_press_v" ADD COLUMN "version_published_by" varchar;
  ALTER TABLE "newsroom_index" ADD COLUMN "archived" boolean;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "newsroom_audit_log_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "newsroom_retained_versions_id" integer;
  ALTER TABLE "site_settings_footer_links" ADD CONSTRAINT "site_settings_footer_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."site_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "site_settings_footer_links_locales" ADD CONSTRAINT "site_settings_footer_links_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."site_settings_footer_links"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "site_settings" ADD CONSTRAINT "site_settings_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "site_settings_locales" ADD CONSTRAINT "site_settings_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."site_settings"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "accessibility_statement_locales" ADD CONSTRAINT "accessibility_statement_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."accessibility_statement"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "newsroom_audit_log_at_idx" ON "newsroom_audit_log" USING btree ("at");
  CREATE INDEX "newsroom_audit_log_action_idx" ON "newsroom_audit_log" USING btree ("action");
  CREATE INDEX "newsroom_audit_log_collection_idx" ON "newsroom_audit_log" USING btree ("collection");
  CREATE INDEX "newsroom_audit_log_document_idx" ON "newsroom_audit_log" USING btree ("document");
  CREATE INDEX "newsroom_audit_log_user_idx" ON "newsroom_audit_log" USING btree ("user");
  CREATE INDEX "newsroom_audit_log_updated_at_idx" ON "newsroom_audit_log" USING btree ("updated_at");
  CREATE INDEX "newsroom_audit_log_created_at_idx" ON "newsroom_audit_log" USING btree ("created_at");
  CREATE INDEX "newsroom_retained_versions_collection_idx" ON "newsroom_retained_versions" USING btree ("collection");
  CREATE INDEX "newsroom_retained_versions_document_idx" ON "newsroom_retained_versions" USING btree ("document");
  CREATE INDEX "newsroom_retained_versions_published_at_idx" ON "newsroom_retained_versions" USING btree ("published_at");
  CREATE INDEX "newsroom_retained_versions_media_idx" ON "newsroom_retained_versions" USING btree ("media");
  CREATE INDEX "newsroom_retained_versions_updated_at_idx" ON "newsroom_retained_versions" USING btree ("updated_at");
  CREATE INDEX "newsroom_retained_versions_created_at_idx" ON "newsroom_retained_versions" USING btree ("created_at");
  CREATE INDEX "site_settings_footer_links_order_idx" ON "site_settings_footer_links" USING btree ("_order");
  CREATE INDEX "site_settings_footer_links_parent_id_idx" ON "site_settings_footer_links" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "site_settings_footer_links_locales_locale_parent_id_unique" ON "site_settings_footer_links_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "site_settings_logo_idx" ON "site_settings" USING btree ("logo_id");
  CREATE UNIQUE INDEX "site_settings_locales_locale_parent_id_unique" ON "site_settings_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "accessibility_statement_locales_locale_parent_id_unique" ON "accessibility_statement_locales" USING btree ("_locale","_parent_id");
  ALTER TABLE "news" ADD CONSTRAINT "news_review_editor_id_users_id_fk" FOREIGN KEY ("review_editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_news_v" ADD CONSTRAINT "_news_v_version_review_editor_id_users_id_fk" FOREIGN KEY ("version_review_editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "events" ADD CONSTRAINT "events_review_editor_id_users_id_fk" FOREIGN KEY ("review_editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_events_v" ADD CONSTRAINT "_events_v_version_review_editor_id_users_id_fk" FOREIGN KEY ("version_review_editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "press" ADD CONSTRAINT "press_review_editor_id_users_id_fk" FOREIGN KEY ("review_editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_press_v" ADD CONSTRAINT "_press_v_version_review_editor_id_users_id_fk" FOREIGN KEY ("version_review_editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_newsroom_audit_log_fk" FOREIGN KEY ("newsroom_audit_log_id") REFERENCES "public"."newsroom_audit_log"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_newsroom_retained_versions_fk" FOREIGN KEY ("newsroom_retained_versions_id") REFERENCES "public"."newsroom_retained_versions"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "media" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "media_sizes_card_sizes_card_filename_idx" ON "media" USING btree ("sizes_card_filename");
  CREATE INDEX "news_archived_idx" ON "news" USING btree ("archived");
  CREATE INDEX "news_review_by_idx" ON "news" USING btree ("review_by");
  CREATE INDEX "news_review_editor_idx" ON "news" USING btree ("review_editor_id");
  CREATE INDEX "_news_v_version_version_archived_idx" ON "_news_v" USING btree ("version_archived");
  CREATE INDEX "_news_v_version_version_review_by_idx" ON "_news_v" USING btree ("version_review_by");
  CREATE INDEX "_news_v_version_version_review_editor_idx" ON "_news_v" USING btree ("version_review_editor_id");
  CREATE INDEX "events_archived_idx" ON "events" USING btree ("archived");
  CREATE INDEX "events_review_by_idx" ON "events" USING btree ("review_by");
  CREATE INDEX "events_review_editor_idx" ON "events" USING btree ("review_editor_id");
  CREATE INDEX "_events_v_version_version_archived_idx" ON "_events_v" USING btree ("version_archived");
  CREATE INDEX "_events_v_version_version_review_by_idx" ON "_events_v" USING btree ("version_review_by");
  CREATE INDEX "_events_v_version_version_review_editor_idx" ON "_events_v" USING btree ("version_review_editor_id");
  CREATE INDEX "press_archived_idx" ON "press" USING btree ("archived");
  CREATE INDEX "press_review_by_idx" ON "press" USING btree ("review_by");
  CREATE INDEX "press_review_editor_idx" ON "press" USING btree ("review_editor_id");
  CREATE INDEX "_press_v_version_version_archived_idx" ON "_press_v" USING btree ("version_archived");
  CREATE INDEX "_press_v_version_version_review_by_idx" ON "_press_v" USING btree ("version_review_by");
  CREATE INDEX "_press_v_version_version_review_editor_idx" ON "_press_v" USING btree ("version_review_editor_id");
  CREATE INDEX "newsroom_index_archived_idx" ON "newsroom_index" USING btree ("archived");
  CREATE INDEX "payload_locked_documents_rels_newsroom_audit_log_id_idx" ON "payload_locked_documents_rels" USING btree ("newsroom_audit_log_id");
  CREATE INDEX "payload_locked_documents_rels_newsroom_retained_versions_idx" ON "payload_locked_documents_rels" USING btree ("newsroom_retained_versions_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "newsroom_audit_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "newsroom_retained_versions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "site_settings_footer_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "site_settings_footer_links_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "site_settings" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "site_settings_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "accessibility_statement" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "accessibility_statement_locales" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "newsroom_audit_log" CASCADE;
  DROP TABLE "newsroom_retained_versions" CASCADE;
  DROP TABLE "site_settings_footer_links" CASCADE;
  DROP TABLE "site_settings_footer_links_locales" CASCADE;
  DROP TABLE "site_settings" CASCADE;
  DROP TABLE "site_settings_locales" CASCADE;
  DROP TABLE "accessibility_statement" CASCADE;
  DROP TABLE "accessibility_statement_locales" CASCADE;
  ALTER TABLE "news" DROP CONSTRAINT "news_review_editor_id_users_id_fk";
  
  ALTER TABLE "_news_v" DROP CONSTRAINT "_news_v_version_review_editor_id_users_id_fk";
  
  ALTER TABLE "events" DROP CONSTRAINT "events_review_editor_id_users_id_fk";
  
  ALTER TABLE "_events_v" DROP CONSTRAINT "_events_v_version_review_editor_id_users_id_fk";
  
  ALTER TABLE "press" DROP CONSTRAINT "press_review_editor_id_users_id_fk";
  
  ALTER TABLE "_press_v" DROP CONSTRAINT "_press_v_version_review_editor_id_users_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_newsroom_audit_log_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_newsroom_retained_versions_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'newsletterSignup', 'newsletterSendMail', 'newsletterDigest', 'newsletterDigestDaily', 'newsletterDigestWeekly', 'newsroomReindexTopic', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'newsletterSignup', 'newsletterSendMail', 'newsletterDigest', 'newsletterDigestDaily', 'newsletterDigestWeekly', 'newsroomReindexTopic', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx";
  DROP INDEX "media_sizes_card_sizes_card_filename_idx";
  DROP INDEX "news_archived_idx";
  DROP INDEX "news_review_by_idx";
  DROP INDEX "news_review_editor_idx";
  DROP INDEX "_news_v_version_version_archived_idx";
  DROP INDEX "_news_v_version_version_review_by_idx";
  DROP INDEX "_news_v_version_version_review_editor_idx";
  DROP INDEX "events_archived_idx";
  DROP INDEX "events_review_by_idx";
  DROP INDEX "events_review_editor_idx";
  DROP INDEX "_events_v_version_version_archived_idx";
  DROP INDEX "_events_v_version_version_review_by_idx";
  DROP INDEX "_events_v_version_version_review_editor_idx";
  DROP INDEX "press_archived_idx";
  DROP INDEX "press_review_by_idx";
  DROP INDEX "press_review_editor_idx";
  DROP INDEX "_press_v_version_version_archived_idx";
  DROP INDEX "_press_v_version_version_review_by_idx";
  DROP INDEX "_press_v_version_version_review_editor_idx";
  DROP INDEX "newsroom_index_archived_idx";
  DROP INDEX "payload_locked_documents_rels_newsroom_audit_log_id_idx";
  DROP INDEX "payload_locked_documents_rels_newsroom_retained_versions_idx";
  ALTER TABLE "media" DROP COLUMN "sizes_thumbnail_url";
  ALTER TABLE "media" DROP COLUMN "sizes_thumbnail_width";
  ALTER TABLE "media" DROP COLUMN "sizes_thumbnail_height";
  ALTER TABLE "media" DROP COLUMN "sizes_thumbnail_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_thumbnail_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_thumbnail_filename";
  ALTER TABLE "media" DROP COLUMN "sizes_card_url";
  ALTER TABLE "media" DROP COLUMN "sizes_card_width";
  ALTER TABLE "media" DROP COLUMN "sizes_card_height";
  ALTER TABLE "media" DROP COLUMN "sizes_card_mime_type";
  ALTER TABLE "media" DROP COLUMN "sizes_card_filesize";
  ALTER TABLE "media" DROP COLUMN "sizes_card_filename";
  ALTER TABLE "news" DROP COLUMN "archived";
  ALTER TABLE "news" DROP COLUMN "review_by";
  ALTER TABLE "news" DROP COLUMN "review_editor_id";
  ALTER TABLE "news" DROP COLUMN "published_by";
  ALTER TABLE "_news_v" DROP COLUMN "version_archived";
  ALTER TABLE "_news_v" DROP COLUMN "version_review_by";
  ALTER TABLE "_news_v" DROP COLUMN "version_review_editor_id";
  ALTER TABLE "_news_v" DROP COLUMN "version_published_by";
  ALTER TABLE "events" DROP COLUMN "archived";
  ALTER TABLE "events" DROP COLUMN "review_by";
  ALTER TABLE "events" DROP COLUMN "review_editor_id";
  ALTER TABLE "events" DROP COLUMN "published_by";
  ALTER TABLE "_events_v" DROP COLUMN "version_archived";
  ALTER TABLE "_events_v" DROP COLUMN "version_review_by";
  ALTER TABLE "_events_v" DROP COLUMN "version_review_editor_id";
  ALTER TABLE "_events_v" DROP COLUMN "version_published_by";
  ALTER TABLE "press" DROP COLUMN "archived";
  ALTER TABLE "press" DROP COLUMN "review_by";
  ALTER TABLE "press" DROP COLUMN "review_editor_id";
  ALTER TABLE "press" DROP COLUMN "published_by";
  ALTER TABLE "_press_v" DROP COLUMN "version_archived";
  ALTER TABLE "_press_v" DROP COLUMN "version_review_by";
  ALTER TABLE "_press_v" DROP COLUMN "version_review_editor_id";
  ALTER TABLE "_press_v" DROP COLUMN "version_published_by";
  ALTER TABLE "newsroom_index" DROP COLUMN "archived";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "newsroom_audit_log_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "newsroom_retained_versions_id";
  DROP TYPE "public"."enum_newsroom_audit_log_action";`)
}
