import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`login_attempts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`expires_at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`login_attempts_key_idx\` ON \`login_attempts\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`login_attempts_expires_at_idx\` ON \`login_attempts\` (\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`login_attempts_updated_at_idx\` ON \`login_attempts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`login_attempts_created_at_idx\` ON \`login_attempts\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`subscribers\` ADD \`confirm_token_used_at\` text;`)
  await db.run(sql`ALTER TABLE \`subscribers\` ADD \`confirm_token_kind\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`login_attempts\`;`)
  await db.run(sql`ALTER TABLE \`subscribers\` DROP COLUMN \`confirm_token_used_at\`;`)
  await db.run(sql`ALTER TABLE \`subscribers\` DROP COLUMN \`confirm_token_kind\`;`)
}
