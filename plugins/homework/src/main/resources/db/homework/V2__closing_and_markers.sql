-- A task may close at its due time (no late work); the deadline job notes when it has told the teacher.
ALTER TABLE hw_tasks ADD COLUMN closes_at_due BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE hw_tasks ADD COLUMN deadline_passed BOOLEAN DEFAULT FALSE NOT NULL;
-- Who marked a hand-in, by id, so that a teacher's erasure can anonymise the name shown with the mark.
ALTER TABLE hw_submissions ADD COLUMN marked_by_id BIGINT;
