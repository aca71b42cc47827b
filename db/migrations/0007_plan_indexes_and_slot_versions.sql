DROP INDEX `volunteers_status_idx`;--> statement-breakpoint
CREATE INDEX `volunteers_status_created_idx` ON `volunteers` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `volunteers_status_recheck_idx` ON `volunteers` (`status`,`recheck_due_at`);--> statement-breakpoint
CREATE INDEX `volunteers_decided_idx` ON `volunteers` (coalesce("vetted_at", "created_at"));--> statement-breakpoint
DROP INDEX `slots_activity_idx`;--> statement-breakpoint
DROP INDEX `slots_starts_idx`;--> statement-breakpoint
CREATE INDEX `slots_activity_starts_idx` ON `slots` (`activity_id`,`starts_at`,`id`);--> statement-breakpoint
CREATE INDEX `slots_starts_id_idx` ON `slots` (`starts_at`,`id`);--> statement-breakpoint
CREATE INDEX `slots_status_starts_idx` ON `slots` (`status`,`starts_at`,`id`);--> statement-breakpoint
CREATE INDEX `wishes_public_count_idx` ON `wishes` (`status`,`county_site_id`,`category`,`age_band`,`deadline_at`) WHERE published_at is not null;--> statement-breakpoint
CREATE INDEX `activities_review_idx` ON `activities` (`status`,`submitted_at`,`id`);--> statement-breakpoint
CREATE INDEX `activities_updated_idx` ON `activities` (`updated_at`,`id`);--> statement-breakpoint
INSERT INTO `meta` (`key`, `value`) VALUES ('slots_version', '0'), ('activities_version', '0') ON CONFLICT(`key`) DO NOTHING;--> statement-breakpoint
CREATE TRIGGER `slots_version_insert` AFTER INSERT ON `slots` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'slots_version'; END;--> statement-breakpoint
CREATE TRIGGER `slots_version_update` AFTER UPDATE ON `slots` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'slots_version'; END;--> statement-breakpoint
CREATE TRIGGER `slots_version_delete` AFTER DELETE ON `slots` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'slots_version'; END;--> statement-breakpoint
CREATE TRIGGER `activities_version_insert` AFTER INSERT ON `activities` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'activities_version'; END;--> statement-breakpoint
CREATE TRIGGER `activities_version_update` AFTER UPDATE ON `activities` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'activities_version'; END;--> statement-breakpoint
CREATE TRIGGER `activities_version_delete` AFTER DELETE ON `activities` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'activities_version'; END;
