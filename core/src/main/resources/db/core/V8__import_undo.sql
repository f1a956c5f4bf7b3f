-- What the ICT leader said an import's file holds (WHOLE_SCHOOL, CLASSES or CHANGES), what its preview
-- would switch off and archive (applying needs a yes to exactly that), the order imports were applied
-- in, and when one was undone.
ALTER TABLE import_runs ADD COLUMN scope VARCHAR(16);
ALTER TABLE import_runs ADD COLUMN switch_offs INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE import_runs ADD COLUMN archives INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE import_runs ADD COLUMN applied_seq BIGINT;
ALTER TABLE import_runs ADD COLUMN undone_at TIMESTAMP;

-- The before-state of every row an applied import touched, written in the import's own transaction,
-- so that it can be undone exactly. was_there = FALSE: the import made the row (an account or space
-- it made is switched off or archived on undo, never deleted; a membership or link it made goes).
-- target_id/other_id: USER and SPACE their id; MEMBERSHIP space and user; PARENT_LINK parent and child.
CREATE TABLE import_changes (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id BIGINT NOT NULL REFERENCES import_runs(id),
  subject VARCHAR(16) NOT NULL,
  was_there BOOLEAN NOT NULL,
  target_id BIGINT NOT NULL,
  other_id BIGINT,
  before_state VARCHAR(1000)
);
CREATE INDEX import_changes_run ON import_changes(run_id, id);
