CREATE INDEX `claims_updated_idx` ON `claims` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `claims_status_updated_idx` ON `claims` (`status`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `wishes_published_idx` ON `wishes` (`published_at`,`id`);--> statement-breakpoint
CREATE INDEX `wishes_updated_idx` ON `wishes` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `wishes_status_updated_idx` ON `wishes` (`status`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `wishes_open_deadline_idx` ON `wishes` (`deadline_at`) WHERE status = 'published';--> statement-breakpoint
INSERT INTO `meta` (`key`, `value`) VALUES ('wishes_version', '0'), ('claims_version', '0') ON CONFLICT(`key`) DO NOTHING;--> statement-breakpoint
CREATE TRIGGER `wishes_version_insert` AFTER INSERT ON `wishes` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'wishes_version'; END;--> statement-breakpoint
CREATE TRIGGER `wishes_version_update` AFTER UPDATE ON `wishes` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'wishes_version'; END;--> statement-breakpoint
CREATE TRIGGER `wishes_version_delete` AFTER DELETE ON `wishes` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'wishes_version'; END;--> statement-breakpoint
CREATE TRIGGER `claims_version_insert` AFTER INSERT ON `claims` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'claims_version'; END;--> statement-breakpoint
CREATE TRIGGER `claims_version_update` AFTER UPDATE ON `claims` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'claims_version'; END;--> statement-breakpoint
CREATE TRIGGER `claims_version_delete` AFTER DELETE ON `claims` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'claims_version'; END;
