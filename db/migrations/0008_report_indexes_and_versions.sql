CREATE INDEX `claims_confirmed_idx` ON `claims` (`status`,`confirmed_at`,`wish_id`,`org_id`,`claimant_user_id`,`value_received_fen`);--> statement-breakpoint
CREATE INDEX `claims_created_idx` ON `claims` (`created_at`,`status`,`wish_id`);--> statement-breakpoint
CREATE INDEX `wishes_fulfilled_idx` ON `wishes` (`status`,`fulfilled_at`,`site_id`);--> statement-breakpoint
CREATE INDEX `wishes_status_published_site_idx` ON `wishes` (`status`,`published_at`,`site_id`,`fulfilled_at`);--> statement-breakpoint
CREATE INDEX `slot_signups_org_idx` ON `slot_signups` (`org_id`,`attendance`,`service_minutes`) WHERE org_id is not null;--> statement-breakpoint
INSERT INTO `meta` (`key`, `value`) VALUES ('slot_signups_version', '0'), ('slot_children_version', '0'), ('pairings_version', '0'), ('pairing_visits_version', '0'), ('volunteers_version', '0'), ('organizations_version', '0'), ('sites_version', '0') ON CONFLICT(`key`) DO NOTHING;--> statement-breakpoint
CREATE TRIGGER `slot_signups_version_insert` AFTER INSERT ON `slot_signups` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'slot_signups_version'; END;--> statement-breakpoint
CREATE TRIGGER `slot_signups_version_update` AFTER UPDATE ON `slot_signups` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'slot_signups_version'; END;--> statement-breakpoint
CREATE TRIGGER `slot_signups_version_delete` AFTER DELETE ON `slot_signups` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'slot_signups_version'; END;--> statement-breakpoint
CREATE TRIGGER `slot_children_version_insert` AFTER INSERT ON `slot_children` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'slot_children_version'; END;--> statement-breakpoint
CREATE TRIGGER `slot_children_version_update` AFTER UPDATE ON `slot_children` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'slot_children_version'; END;--> statement-breakpoint
CREATE TRIGGER `slot_children_version_delete` AFTER DELETE ON `slot_children` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'slot_children_version'; END;--> statement-breakpoint
CREATE TRIGGER `pairings_version_insert` AFTER INSERT ON `pairings` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'pairings_version'; END;--> statement-breakpoint
CREATE TRIGGER `pairings_version_update` AFTER UPDATE ON `pairings` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'pairings_version'; END;--> statement-breakpoint
CREATE TRIGGER `pairings_version_delete` AFTER DELETE ON `pairings` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'pairings_version'; END;--> statement-breakpoint
CREATE TRIGGER `pairing_visits_version_insert` AFTER INSERT ON `pairing_visits` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'pairing_visits_version'; END;--> statement-breakpoint
CREATE TRIGGER `pairing_visits_version_update` AFTER UPDATE ON `pairing_visits` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'pairing_visits_version'; END;--> statement-breakpoint
CREATE TRIGGER `pairing_visits_version_delete` AFTER DELETE ON `pairing_visits` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'pairing_visits_version'; END;--> statement-breakpoint
CREATE TRIGGER `volunteers_version_insert` AFTER INSERT ON `volunteers` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'volunteers_version'; END;--> statement-breakpoint
CREATE TRIGGER `volunteers_version_update` AFTER UPDATE ON `volunteers` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'volunteers_version'; END;--> statement-breakpoint
CREATE TRIGGER `volunteers_version_delete` AFTER DELETE ON `volunteers` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'volunteers_version'; END;--> statement-breakpoint
CREATE TRIGGER `organizations_version_insert` AFTER INSERT ON `organizations` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'organizations_version'; END;--> statement-breakpoint
CREATE TRIGGER `organizations_version_update` AFTER UPDATE ON `organizations` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'organizations_version'; END;--> statement-breakpoint
CREATE TRIGGER `organizations_version_delete` AFTER DELETE ON `organizations` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'organizations_version'; END;--> statement-breakpoint
CREATE TRIGGER `sites_version_insert` AFTER INSERT ON `sites` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'sites_version'; END;--> statement-breakpoint
CREATE TRIGGER `sites_version_update` AFTER UPDATE ON `sites` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'sites_version'; END;--> statement-breakpoint
CREATE TRIGGER `sites_version_delete` AFTER DELETE ON `sites` BEGIN UPDATE `meta` SET `value` = `value` + 1 WHERE `key` = 'sites_version'; END;
