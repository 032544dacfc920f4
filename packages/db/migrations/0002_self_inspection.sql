CREATE TABLE "hazard_standard_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"version" integer NOT NULL,
	"effective_from" text NOT NULL,
	"note" text,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standard_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"key" text NOT NULL,
	"article" integer NOT NULL,
	"item" integer NOT NULL,
	"article_label" text NOT NULL,
	"item_label" text NOT NULL,
	"text" text NOT NULL,
	"topic" text NOT NULL,
	"sector" text,
	"applicability" jsonb NOT NULL,
	"exclusions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"penalty_basis" text,
	"source" text NOT NULL,
	"verified" boolean NOT NULL,
	"local" boolean DEFAULT false NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"hash" text NOT NULL,
	"owner" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"original_name" text,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_hash_owner_pk" PRIMARY KEY("hash","owner")
);
--> statement-breakpoint
CREATE TABLE "hazards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"inspection_id" uuid,
	"level" text NOT NULL,
	"standard_item_id" uuid,
	"description" text NOT NULL,
	"location" text,
	"photos" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text NOT NULL,
	"found_by" uuid,
	"found_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_inspection_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"standard_item_id" uuid,
	"own_text" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"result" text DEFAULT 'pending' NOT NULL,
	"note" text,
	"photos" text[] DEFAULT '{}'::text[] NOT NULL,
	"hazard_id" uuid,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "self_inspections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"title" text NOT NULL,
	"frequency" text NOT NULL,
	"area" text,
	"planned_date" date,
	"standard_version_id" uuid NOT NULL,
	"led_by_principal" boolean DEFAULT false NOT NULL,
	"leader_name" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "standard_items" ADD CONSTRAINT "standard_items_version_id_hazard_standard_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."hazard_standard_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_standard_item_id_standard_items_id_fk" FOREIGN KEY ("standard_item_id") REFERENCES "public"."standard_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspection_items" ADD CONSTRAINT "self_inspection_items_inspection_id_self_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."self_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspection_items" ADD CONSTRAINT "self_inspection_items_standard_item_id_standard_items_id_fk" FOREIGN KEY ("standard_item_id") REFERENCES "public"."standard_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspections" ADD CONSTRAINT "self_inspections_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_inspections" ADD CONSTRAINT "self_inspections_standard_version_id_hazard_standard_versions_id_fk" FOREIGN KEY ("standard_version_id") REFERENCES "public"."hazard_standard_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hazard_standard_versions_code_version_idx" ON "hazard_standard_versions" USING btree ("code","version");--> statement-breakpoint
CREATE UNIQUE INDEX "standard_items_version_key_idx" ON "standard_items" USING btree ("version_id","key");--> statement-breakpoint
CREATE INDEX "standard_items_article_idx" ON "standard_items" USING btree ("article");--> statement-breakpoint
CREATE UNIQUE INDEX "hazards_source_ref_idx" ON "hazards" USING btree ("source","source_ref");--> statement-breakpoint
CREATE INDEX "hazards_enterprise_idx" ON "hazards" USING btree ("enterprise_id","status");--> statement-breakpoint
CREATE INDEX "hazards_region_path_idx" ON "hazards" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "self_inspection_items_inspection_idx" ON "self_inspection_items" USING btree ("inspection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "self_inspection_items_unique_standard_idx" ON "self_inspection_items" USING btree ("inspection_id","standard_item_id");--> statement-breakpoint
CREATE INDEX "self_inspections_enterprise_idx" ON "self_inspections" USING btree ("enterprise_id","completed_at");