CREATE TABLE "enforcement_document_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"rev" integer NOT NULL,
	"issuer_name" text NOT NULL,
	"review_authority" text NOT NULL,
	"court" text NOT NULL,
	"prefixes" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_by_name" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enforcement_document_settings" ADD CONSTRAINT "enforcement_document_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;