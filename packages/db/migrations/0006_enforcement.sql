CREATE TABLE "accidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"grade" text NOT NULL,
	"deaths" integer DEFAULT 0 NOT NULL,
	"serious_injuries" integer DEFAULT 0 NOT NULL,
	"direct_loss_fen" bigint DEFAULT 0 NOT NULL,
	"description" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "classification_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"risk_class" text NOT NULL,
	"previous_class" text,
	"computed_class" text NOT NULL,
	"trigger" text NOT NULL,
	"explanation" jsonb NOT NULL,
	"rule_set_version" integer NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "classification_rule_sets" (
	"version" integer PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_counters" (
	"type" text NOT NULL,
	"year" integer NOT NULL,
	"last_sequence" integer NOT NULL,
	CONSTRAINT "document_counters_type_year_pk" PRIMARY KEY("type","year")
);
--> statement-breakpoint
CREATE TABLE "enforcement_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"task_id" uuid,
	"status" text DEFAULT 'filed' NOT NULL,
	"facts" text NOT NULL,
	"legal_basis" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "enforcement_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"task_id" uuid,
	"case_id" uuid,
	"data" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_plan_entries" (
	"plan_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"planned_count" integer NOT NULL,
	"quarters" smallint[] NOT NULL,
	"cap" integer NOT NULL,
	"risk_class" text NOT NULL,
	"over_cap_reason" text,
	CONSTRAINT "enforcement_plan_entries_plan_id_enterprise_id_pk" PRIMARY KEY("plan_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "enforcement_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_classifications" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"region_path" text NOT NULL,
	"risk_class" text NOT NULL,
	"computed_class" text NOT NULL,
	"start_class" text NOT NULL,
	"clamped" boolean DEFAULT false NOT NULL,
	"explanation" jsonb NOT NULL,
	"facts" jsonb NOT NULL,
	"rule_set_version" integer NOT NULL,
	"major_hazard_installation" boolean DEFAULT false NOT NULL,
	"override_class" text,
	"override_reason" text,
	"override_by" uuid,
	"override_by_name" text,
	"override_at" timestamp with time zone,
	"computed_at" timestamp with time zone NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"description" text NOT NULL,
	"location" text,
	"photos" text[] DEFAULT '{}'::text[] NOT NULL,
	"standard_item_id" uuid,
	"checklist_item_key" text,
	"legal_basis" text NOT NULL,
	"major" boolean NOT NULL,
	"hazard_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"kind" text DEFAULT 'onsite' NOT NULL,
	"source" text NOT NULL,
	"plan_id" uuid,
	"source_ref" text,
	"unannounced" boolean DEFAULT false NOT NULL,
	"officer_ids" uuid[] NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"planned_date" date,
	"place" text,
	"note" text,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officer_certificates" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"certificate_no" text NOT NULL,
	"valid_until" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "officer_certificates_certificate_no_unique" UNIQUE("certificate_no")
);
--> statement-breakpoint
CREATE TABLE "penalty_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"party" text NOT NULL,
	"party_name" text NOT NULL,
	"types" text[] NOT NULL,
	"fine_fen" bigint DEFAULT 0 NOT NULL,
	"penalty_basis" text NOT NULL,
	"document_id" uuid,
	"decision_date" date,
	"payment_status" text NOT NULL,
	"paid_on" date
);
--> statement-breakpoint
CREATE TABLE "rectification_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"finding_ids" uuid[] NOT NULL,
	"deadline" date NOT NULL,
	"legal_basis" text NOT NULL,
	"requirements" text,
	"issued_by" uuid,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reinspections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"result" text NOT NULL,
	"finding_results" jsonb NOT NULL,
	"opinion" text NOT NULL,
	"photos" text[] DEFAULT '{}'::text[] NOT NULL,
	"by" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_measures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"subject" text NOT NULL,
	"content" text NOT NULL,
	"attendees" text,
	"case_id" uuid,
	"hazard_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accidents" ADD CONSTRAINT "accidents_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "classification_history" ADD CONSTRAINT "classification_history_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_cases" ADD CONSTRAINT "enforcement_cases_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_cases" ADD CONSTRAINT "enforcement_cases_task_id_inspection_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."inspection_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_documents" ADD CONSTRAINT "enforcement_documents_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_documents" ADD CONSTRAINT "enforcement_documents_task_id_inspection_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."inspection_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_plan_entries" ADD CONSTRAINT "enforcement_plan_entries_plan_id_enforcement_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."enforcement_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_plan_entries" ADD CONSTRAINT "enforcement_plan_entries_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_classifications" ADD CONSTRAINT "enterprise_classifications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_task_id_inspection_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."inspection_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_standard_item_id_standard_items_id_fk" FOREIGN KEY ("standard_item_id") REFERENCES "public"."standard_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_hazard_id_hazards_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "public"."hazards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_tasks" ADD CONSTRAINT "inspection_tasks_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_tasks" ADD CONSTRAINT "inspection_tasks_plan_id_enforcement_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."enforcement_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_certificates" ADD CONSTRAINT "officer_certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_decisions" ADD CONSTRAINT "penalty_decisions_case_id_enforcement_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."enforcement_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "penalty_decisions" ADD CONSTRAINT "penalty_decisions_document_id_enforcement_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."enforcement_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_orders" ADD CONSTRAINT "rectification_orders_task_id_inspection_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."inspection_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_orders" ADD CONSTRAINT "rectification_orders_document_id_enforcement_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."enforcement_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reinspections" ADD CONSTRAINT "reinspections_order_id_rectification_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."rectification_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reinspections" ADD CONSTRAINT "reinspections_document_id_enforcement_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."enforcement_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_measures" ADD CONSTRAINT "supervision_measures_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_measures" ADD CONSTRAINT "supervision_measures_case_id_enforcement_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."enforcement_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accidents_enterprise_idx" ON "accidents" USING btree ("enterprise_id","occurred_at");--> statement-breakpoint
CREATE INDEX "classification_history_enterprise_idx" ON "classification_history" USING btree ("enterprise_id","at");--> statement-breakpoint
CREATE INDEX "classification_history_at_idx" ON "classification_history" USING btree ("at");--> statement-breakpoint
CREATE INDEX "enforcement_cases_enterprise_idx" ON "enforcement_cases" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_documents_number_idx" ON "enforcement_documents" USING btree ("type","year","sequence");--> statement-breakpoint
CREATE INDEX "enforcement_documents_enterprise_idx" ON "enforcement_documents" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "enforcement_documents_task_idx" ON "enforcement_documents" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_plans_in_force_idx" ON "enforcement_plans" USING btree ("year") WHERE status in ('approved', 'published');--> statement-breakpoint
CREATE INDEX "enterprise_classifications_class_idx" ON "enterprise_classifications" USING btree ("risk_class");--> statement-breakpoint
CREATE INDEX "enterprise_classifications_region_idx" ON "enterprise_classifications" USING btree ("region_path");--> statement-breakpoint
CREATE INDEX "inspection_findings_task_idx" ON "inspection_findings" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "inspection_tasks_enterprise_idx" ON "inspection_tasks" USING btree ("enterprise_id","started_at");--> statement-breakpoint
CREATE INDEX "inspection_tasks_region_idx" ON "inspection_tasks" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "inspection_tasks_status_idx" ON "inspection_tasks" USING btree ("status");--> statement-breakpoint
CREATE INDEX "inspection_tasks_officers_idx" ON "inspection_tasks" USING gin ("officer_ids");--> statement-breakpoint
CREATE UNIQUE INDEX "penalty_decisions_party_idx" ON "penalty_decisions" USING btree ("case_id","party");--> statement-breakpoint
CREATE INDEX "rectification_orders_task_idx" ON "rectification_orders" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "rectification_orders_deadline_idx" ON "rectification_orders" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "reinspections_order_idx" ON "reinspections" USING btree ("order_id","at");--> statement-breakpoint
CREATE INDEX "supervision_measures_enterprise_idx" ON "supervision_measures" USING btree ("enterprise_id","date");