CREATE TABLE "drafts" (
	"id" text PRIMARY KEY NOT NULL,
	"document_id" text NOT NULL,
	"delegation" text NOT NULL,
	"proposal" jsonb NOT NULL,
	"anchored_text" text,
	"note" text DEFAULT '' NOT NULL,
	"shared_with" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"proposal_id" text,
	"revision" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "drafts_status_known" CHECK ("drafts"."status" in ('draft', 'tabled', 'discarded')),
	CONSTRAINT "drafts_tabled_has_proposal" CHECK (("drafts"."status" = 'tabled') = ("drafts"."proposal_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "drafts_document_delegation" ON "drafts" USING btree ("document_id","delegation");