-- The event log is append-only: updates and deletes are refused by the database itself,
-- so a bug or a careless script cannot rewrite history. (An administrator who disables
-- this trigger can still alter rows; verify-log detects that through the hash chain.)
CREATE FUNCTION parley_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the events table is append-only (% refused)', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION parley_events_append_only();
