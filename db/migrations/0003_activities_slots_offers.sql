CREATE TABLE `calendar_feeds` (
	`user_id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`token_sealed` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_token_hash_unique` ON `calendar_feeds` (`token_hash`);--> statement-breakpoint
CREATE TABLE `no_show_flags` (
	`user_id` text NOT NULL,
	`signup_id` text NOT NULL,
	`flagged_at` integer NOT NULL,
	`reviewed_at` integer,
	`reviewed_by` text,
	PRIMARY KEY(`user_id`, `signup_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`signup_id`) REFERENCES `slot_signups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `activities` ADD `contact_tier` text DEFAULT 'group' NOT NULL;--> statement-breakpoint
ALTER TABLE `activities` ADD `risk_notes` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `activities` ADD `safety_measures` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `activities` ADD `organizer_contact` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `activities` ADD `cancel_cutoff_hours` integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE `activities` ADD `submitted_at` integer;--> statement-breakpoint
ALTER TABLE `activities` ADD `approved_at` integer;--> statement-breakpoint
ALTER TABLE `activities` ADD `approved_by` text REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `activities_org_idx` ON `activities` (`org_id`);--> statement-breakpoint
ALTER TABLE `slot_signups` ADD `org_id` text REFERENCES organizations(id);--> statement-breakpoint
ALTER TABLE `slot_signups` ADD `signed_up_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `slot_signups` ADD `queue_no` integer;--> statement-breakpoint
ALTER TABLE `slot_signups` ADD `offered_at` integer;--> statement-breakpoint
ALTER TABLE `slot_signups` ADD `offer_expires_at` integer;--> statement-breakpoint
ALTER TABLE `slot_signups` ADD `cancel_reason` text;--> statement-breakpoint
ALTER TABLE `slot_signups` ADD `attendance_by` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `slot_signups` ADD `attendance_at` integer;--> statement-breakpoint
CREATE INDEX `slot_signups_slot_status_idx` ON `slot_signups` (`slot_id`,`status`,`queue_no`);--> statement-breakpoint
CREATE INDEX `slot_signups_offer_idx` ON `slot_signups` (`status`,`offer_expires_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_slots` (
	`id` text PRIMARY KEY NOT NULL,
	`activity_id` text NOT NULL,
	`site_id` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`capacity` integer NOT NULL,
	`taken` integer DEFAULT 0 NOT NULL,
	`children_expected` integer DEFAULT 0 NOT NULL,
	`scheduled_minutes` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`children_served` integer,
	`money_fen` integer,
	`goods_fen` integer,
	`materials` integer,
	`sessions` integer,
	`closed_at` integer,
	`closed_by` text,
	`corrected_at` integer,
	`reminded_at` integer,
	`cancel_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "slots_taken_within_capacity" CHECK("taken" >= 0 AND "taken" <= "capacity"),
	CONSTRAINT "slots_capacity_positive" CHECK("capacity" >= 1),
	CONSTRAINT "slots_ends_after_start" CHECK("ends_at" > "starts_at")
);
--> statement-breakpoint
INSERT INTO `__new_slots`("id", "activity_id", "site_id", "starts_at", "ends_at", "place", "capacity", "taken", "children_expected", "scheduled_minutes", "status", "children_served", "money_fen", "goods_fen", "materials", "sessions", "closed_at", "closed_by", "corrected_at", "reminded_at", "cancel_reason", "created_at") SELECT s."id", s."activity_id", s."site_id", s."starts_at", s."ends_at", '', s."capacity", min(s."capacity", (SELECT count(*) FROM `slot_signups` u WHERE u."slot_id" = s."id" AND u."status" = 'confirmed')), s."children_expected", max(1, (s."ends_at" - s."starts_at") / 60000), s."status", s."children_served", s."money_fen", s."goods_fen", s."materials", CASE WHEN s."status" = 'closed' THEN 1 ELSE NULL END, s."closed_at", NULL, NULL, NULL, NULL, s."created_at" FROM `slots` s;--> statement-breakpoint
DROP TABLE `slots`;--> statement-breakpoint
ALTER TABLE `__new_slots` RENAME TO `slots`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `slots_activity_idx` ON `slots` (`activity_id`);--> statement-breakpoint
CREATE INDEX `slots_starts_idx` ON `slots` (`starts_at`);--> statement-breakpoint
CREATE INDEX `slots_site_idx` ON `slots` (`site_id`);