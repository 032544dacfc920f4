CREATE TABLE "alarm_escalation_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"recipient" text NOT NULL,
	"after_minutes" integer NOT NULL,
	"repeat_minutes" integer NOT NULL,
	"source" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alarm_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"alarm_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"action" text NOT NULL,
	"level" text,
	"value" double precision,
	"actor_id" uuid,
	"actor_name" text,
	"note" text,
	"data" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alarms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"device_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"rule_id" text NOT NULL,
	"rule_name" text NOT NULL,
	"rule_type" text NOT NULL,
	"kind" text NOT NULL,
	"signal" text,
	"level" text NOT NULL,
	"max_level" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"prior_count" integer DEFAULT 0 NOT NULL,
	"peak" double precision,
	"last_value" double precision,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"disposal_cause" text,
	"disposal_action" text,
	"disposal_photos" text[],
	"disposed_by" uuid,
	"disposed_at" timestamp with time zone,
	"cleared_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"hazard_id" uuid,
	"escalation_stage" text DEFAULT 'none' NOT NULL,
	"next_escalation_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "device_rule_overrides" (
	"device_id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"overrides" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rev" integer DEFAULT 1 NOT NULL,
	"article14_hazard_id" uuid,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "device_rule_states" (
	"device_id" uuid PRIMARY KEY NOT NULL,
	"state" jsonb,
	"version" uuid,
	"rules_key" text,
	"last_seen" timestamp with time zone,
	"connected" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_limits" (
	"id" text PRIMARY KEY NOT NULL,
	"items" jsonb NOT NULL,
	"rev" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alarm_events" ADD CONSTRAINT "alarm_events_alarm_id_alarms_id_fk" FOREIGN KEY ("alarm_id") REFERENCES "public"."alarms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_hazard_id_hazards_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "public"."hazards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_rule_overrides" ADD CONSTRAINT "device_rule_overrides_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_rule_overrides" ADD CONSTRAINT "device_rule_overrides_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_rule_overrides" ADD CONSTRAINT "device_rule_overrides_article14_hazard_id_hazards_id_fk" FOREIGN KEY ("article14_hazard_id") REFERENCES "public"."hazards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_rule_states" ADD CONSTRAINT "device_rule_states_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alarm_escalation_rules_level_recipient_idx" ON "alarm_escalation_rules" USING btree ("level","recipient");--> statement-breakpoint
CREATE INDEX "alarm_events_alarm_idx" ON "alarm_events" USING btree ("alarm_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "alarms_open_device_rule_idx" ON "alarms" USING btree ("device_id","rule_id") WHERE status <> 'closed';--> statement-breakpoint
CREATE INDEX "alarms_device_rule_idx" ON "alarms" USING btree ("device_id","rule_id","raised_at");--> statement-breakpoint
CREATE INDEX "alarms_enterprise_idx" ON "alarms" USING btree ("enterprise_id","status");--> statement-breakpoint
CREATE INDEX "alarms_region_path_idx" ON "alarms" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "alarms_escalation_due_idx" ON "alarms" USING btree ("next_escalation_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "alarms_raised_idx" ON "alarms" USING btree ("raised_at");