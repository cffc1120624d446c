CREATE TABLE "exchange_bodies" (
	"submission_id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"body" jsonb,
	"digest" text NOT NULL,
	"retain_until" timestamp with time zone,
	"erased_at" timestamp with time zone,
	CONSTRAINT "exchange_bodies_erased_has_no_body" CHECK (("exchange_bodies"."erased_at" is null) or ("exchange_bodies"."body" is null))
);
--> statement-breakpoint
ALTER TABLE "exchange_bodies" ADD CONSTRAINT "exchange_bodies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_bodies_retention" ON "exchange_bodies" USING btree ("retain_until");