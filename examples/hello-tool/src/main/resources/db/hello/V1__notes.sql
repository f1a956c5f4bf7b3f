-- Applied once per installation, recorded in the tool's own history table (history_hello).
-- Portable SQL: the same file runs on Derby and PostgreSQL. ${text} is the large-text type.
CREATE TABLE hello_notes (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  space_id BIGINT NOT NULL,
  author_id BIGINT NOT NULL,
  author_name VARCHAR(200) NOT NULL,
  body ${text} NOT NULL,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX hello_notes_space ON hello_notes(space_id, created_at);
