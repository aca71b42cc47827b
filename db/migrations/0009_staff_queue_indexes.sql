CREATE INDEX `claims_status_approved_idx` ON `claims` (`status`,`approved_at`);--> statement-breakpoint
CREATE INDEX `wishes_claimed_deadline_idx` ON `wishes` (`deadline_at`) WHERE status = 'claimed';--> statement-breakpoint
CREATE INDEX `wishes_author_status_idx` ON `wishes` (`author_id`,`status`,`updated_at`,`id`);