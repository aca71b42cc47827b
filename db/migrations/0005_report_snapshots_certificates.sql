CREATE TABLE `certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`user_id` text NOT NULL,
	`issuer_site_id` text,
	`issuer_org_id` text,
	`issuer_name` text NOT NULL,
	`issuer_contact` text,
	`person_in_charge` text,
	`masked_name` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`total_minutes` integer NOT NULL,
	`entries` text NOT NULL,
	`issued_at` integer NOT NULL,
	`revoked_at` integer,
	`revoked_by` text,
	`revoke_reason` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issuer_site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issuer_org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_code_idx` ON `certificates` (`code`);--> statement-breakpoint
CREATE INDEX `certificates_user_idx` ON `certificates` (`user_id`);--> statement-breakpoint
CREATE TABLE `report_snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`figures` text NOT NULL,
	`paragraph_zh` text NOT NULL,
	`paragraph_en` text NOT NULL,
	`issued_by` text NOT NULL,
	`issued_at` integer NOT NULL,
	`supersedes_id` text,
	`superseded_at` integer,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_snapshots_scope_idx` ON `report_snapshots` (`site_id`,`period_from`,`period_to`);--> statement-breakpoint
ALTER TABLE `sites` ADD `person_in_charge` text;