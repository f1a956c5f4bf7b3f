-- The closing job tells a quiz's teacher (and, when marks wait for the close, its learners) once.
ALTER TABLE qz_quizzes ADD COLUMN close_told BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE qz_quizzes SET close_told = TRUE WHERE closes_at IS NOT NULL AND closes_at < CURRENT_TIMESTAMP;
-- The job finds attempts whose time ran out across every space.
CREATE INDEX qz_attempts_deadline ON qz_attempts(state, deadline);
-- QTI exports wait in the file store until the clearing job removes them (an hour, for the download to finish).
CREATE TABLE qz_exports (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  file_key VARCHAR(64) NOT NULL,
  made_at TIMESTAMP NOT NULL
);
