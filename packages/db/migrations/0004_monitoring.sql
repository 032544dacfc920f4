CREATE TABLE "devices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"system_id" uuid,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"collector_type" text NOT NULL,
	"profile" text NOT NULL,
	"location" text,
	"reporting_interval_s" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"signals" text[] NOT NULL,
	"secret_hash" text NOT NULL,
	"secret_rotated_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dust_systems" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ingest_counters" (
	"day" date NOT NULL,
	"enterprise_id" uuid,
	"device_id" uuid,
	"outcome" text NOT NULL,
	"count" bigint NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"detail" text,
	CONSTRAINT "ingest_counters_key" UNIQUE NULLS NOT DISTINCT("day","enterprise_id","device_id","outcome")
);
--> statement-breakpoint
-- HAND-EDITED after drizzle-kit generate: drizzle-kit cannot express partitioning, so the two telemetry tables get
-- "PARTITION BY RANGE" here (raw readings: daily partitions on ts; rollups: monthly partitions on minute). The
-- snapshot still describes them as plain tables, which is all drizzle-kit needs to diff later changes. Partitions are
-- created and dropped at run time by apps/server/src/modules/telemetry/partitions.ts (ahead of time, and on demand).
CREATE TABLE "telemetry_readings" (
	"device_id" uuid NOT NULL,
	"signal" text NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "telemetry_readings_device_id_signal_ts_pk" PRIMARY KEY("device_id","signal","ts")
) PARTITION BY RANGE ("ts");
--> statement-breakpoint
CREATE TABLE "telemetry_rollups_1m" (
	"device_id" uuid NOT NULL,
	"signal" text NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	"min" double precision NOT NULL,
	"max" double precision NOT NULL,
	"sum" double precision NOT NULL,
	"last" double precision NOT NULL,
	"last_ts" timestamp with time zone NOT NULL,
	CONSTRAINT "telemetry_rollups_1m_device_id_signal_minute_pk" PRIMARY KEY("device_id","signal","minute")
) PARTITION BY RANGE ("minute");
--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_system_id_dust_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."dust_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dust_systems" ADD CONSTRAINT "dust_systems_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "devices_enterprise_code_idx" ON "devices" USING btree ("enterprise_id","code");--> statement-breakpoint
CREATE INDEX "devices_region_path_idx" ON "devices" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "dust_systems_enterprise_name_idx" ON "dust_systems" USING btree ("enterprise_id","name");--> statement-breakpoint
CREATE INDEX "ingest_counters_enterprise_idx" ON "ingest_counters" USING btree ("enterprise_id","day");