CREATE TABLE `pairing_concerns` (
	`id` text PRIMARY KEY NOT NULL,
	`pairing_id` text NOT NULL,
	`visit_id` text,
	`site_id` text NOT NULL,
	`raised_by` text NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`raised_at` integer NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by` text,
	`action_taken` text,
	`closed_at` integer,
	`closed_by` text,
	FOREIGN KEY (`pairing_id`) REFERENCES `pairings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`visit_id`) REFERENCES `pairing_visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`raised_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acknowledged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pairing_concerns_site_idx` ON `pairing_concerns` (`site_id`,`status`);--> statement-breakpoint
CREATE INDEX `pairing_concerns_pairing_idx` ON `pairing_concerns` (`pairing_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_pairing_visits` (
	`id` text PRIMARY KEY NOT NULL,
	`pairing_id` text NOT NULL,
	`kind` text NOT NULL,
	`happened_at` integer NOT NULL,
	`minutes` integer NOT NULL,
	`staff_accompanied` integer DEFAULT false NOT NULL,
	`note` text,
	`status` text DEFAULT 'logged' NOT NULL,
	`confirmed_by` text,
	`confirmed_at` integer,
	`reject_reason` text,
	`logged_by` text,
	`corrected_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`pairing_id`) REFERENCES `pairings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`logged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "pairing_visits_minutes_positive" CHECK("__new_pairing_visits"."minutes" > 0)
);
--> statement-breakpoint
INSERT INTO `__new_pairing_visits`("id", "pairing_id", "kind", "happened_at", "minutes", "staff_accompanied", "note", "status", "confirmed_by", "confirmed_at", "reject_reason", "logged_by", "corrected_at", "created_at") SELECT "id", "pairing_id", CASE "kind" WHEN 'visit' THEN 'home_visit' WHEN 'message' THEN 'letter' ELSE "kind" END, "happened_at", max(1, "minutes"), 0, "note", "status", "confirmed_by", "confirmed_at", NULL, NULL, NULL, "created_at" FROM `pairing_visits`;--> statement-breakpoint
DROP TABLE `pairing_visits`;--> statement-breakpoint
ALTER TABLE `__new_pairing_visits` RENAME TO `pairing_visits`;--> statement-breakpoint
CREATE INDEX `pairing_visits_pairing_idx` ON `pairing_visits` (`pairing_id`,`happened_at`);--> statement-breakpoint
CREATE TABLE `__new_pairings` (
	`id` text PRIMARY KEY NOT NULL,
	`volunteer_user_id` text NOT NULL,
	`child_id` text NOT NULL,
	`site_id` text NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`proposed_at` integer NOT NULL,
	`started_at` integer,
	`ended_at` integer,
	`end_reason` text,
	`ended_by` text,
	`agreement_signed_on` text NOT NULL,
	`agreement_witness` text NOT NULL,
	`end_requested_at` integer,
	`end_request_reason` text,
	`overdue_mailed_at` integer,
	`created_by` text,
	FOREIGN KEY (`volunteer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`child_id`) REFERENCES `children`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_pairings`("id", "volunteer_user_id", "child_id", "site_id", "status", "proposed_at", "started_at", "ended_at", "end_reason", "ended_by", "agreement_signed_on", "agreement_witness", "end_requested_at", "end_request_reason", "overdue_mailed_at", "created_by") SELECT "id", "volunteer_user_id", "child_id", "site_id", "status", "started_at", "started_at", "ended_at", NULL, NULL, date("started_at" / 1000, 'unixepoch', '+8 hours'), '', NULL, NULL, NULL, "created_by" FROM `pairings`;--> statement-breakpoint
DROP TABLE `pairings`;--> statement-breakpoint
ALTER TABLE `__new_pairings` RENAME TO `pairings`;--> statement-breakpoint
CREATE INDEX `pairings_volunteer_idx` ON `pairings` (`volunteer_user_id`,`status`);--> statement-breakpoint
CREATE INDEX `pairings_site_idx` ON `pairings` (`site_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `pairings_one_live_per_child` ON `pairings` (`child_id`) WHERE status in ('proposed', 'active');--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
ALTER TABLE `sites` ADD `contact_name` text;--> statement-breakpoint
ALTER TABLE `sites` ADD `contact_phone` text;--> statement-breakpoint
ALTER TABLE `sites` ADD `contact_overdue_days` integer DEFAULT 30 NOT NULL;