CREATE TABLE "employee_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"receipt_code" text NOT NULL,
	"reporter_user_id" uuid,
	"reporter_phone" text,
	"description" text NOT NULL,
	"location" text,
	"photos" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"grade" text,
	"reward_fen" bigint,
	"reward_paid_at" timestamp with time zone,
	"hazard_id" uuid,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"verification_note" text,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employee_reports_receipt_code_unique" UNIQUE("receipt_code")
);
--> statement-breakpoint
CREATE TABLE "escalation_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"recipient" text NOT NULL,
	"offset_hours" integer NOT NULL,
	"repeat_hours" integer NOT NULL,
	"source" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hazard_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hazard_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor_id" uuid,
	"actor_name" text,
	"note" text,
	"photos" text[] DEFAULT '{}'::text[] NOT NULL,
	"data" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_channels" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"kind" text NOT NULL,
	"target" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"entity_type" text,
	"entity_id" text,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"target" text NOT NULL,
	"payload" jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "report_settings" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"reward_scale" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_settings_token_unique" UNIQUE("token")
);
--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "judged_by" uuid;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "judged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "responsible_user_id" uuid;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "responsible_name" text;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "measures" text;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "funds_fen" bigint;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "deadline" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "contingency_plan" text;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "major_plan" jsonb;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "production_stopped" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "supervised" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "supervising_unit" text;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "supervision_deadline" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "employee_reports" ADD CONSTRAINT "employee_reports_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_events" ADD CONSTRAINT "hazard_events_hazard_id_hazards_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "public"."hazards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_settings" ADD CONSTRAINT "report_settings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employee_reports_enterprise_idx" ON "employee_reports" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "escalation_rules_level_recipient_idx" ON "escalation_rules" USING btree ("level","recipient");--> statement-breakpoint
CREATE INDEX "hazard_events_hazard_idx" ON "hazard_events" USING btree ("hazard_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_idx" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "hazards_deadline_idx" ON "hazards" USING btree ("status","deadline");