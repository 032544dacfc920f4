CREATE TABLE "risk_tags" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"parent_code" text,
	"requires_one_child" boolean DEFAULT false NOT NULL,
	"description" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sector_rules" (
	"version" text NOT NULL,
	"title" text NOT NULL,
	"prefix" text NOT NULL,
	"sector" text,
	"source" text NOT NULL,
	"verified" boolean NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sector_rules_version_prefix_pk" PRIMARY KEY("version","prefix")
);
--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "industry_code" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "derived_sector" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "sector_override" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "sector_override_reason" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "sector" text GENERATED ALWAYS AS (coalesce(sector_override, derived_sector)) STORED;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "scale" text DEFAULT 'below' NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "employees" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "dust_workers" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "principal_name" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "principal_phone" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "safety_manager_name" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "safety_manager_phone" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "status" text DEFAULT 'operating' NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "standardization_level" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "standardization_expiry" date;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "state_owned" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "labour_intensive" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "factory_in_factory" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "risk_tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "enterprises_sector_idx" ON "enterprises" USING btree ("sector");--> statement-breakpoint
CREATE INDEX "enterprises_risk_tags_idx" ON "enterprises" USING gin ("risk_tags");