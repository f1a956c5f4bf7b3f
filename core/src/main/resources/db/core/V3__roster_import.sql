-- Roster imports: history of runs, and first-login codes for accounts an import created.
CREATE TABLE import_runs (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  school_id BIGINT NOT NULL REFERENCES spaces(id),
  user_id BIGINT REFERENCES users(id),
  format VARCHAR(20) NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  stored_key VARCHAR(64),
  started_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,
  status VARCHAR(16) NOT NULL,
  summary VARCHAR(2000) DEFAULT '' NOT NULL
);
CREATE INDEX import_runs_school ON import_runs(school_id, started_at);

CREATE TABLE first_login_codes (
  user_id BIGINT PRIMARY KEY REFERENCES users(id),
  import_id BIGINT NOT NULL REFERENCES import_runs(id),
  code VARCHAR(20) NOT NULL
);
CREATE INDEX spaces_external ON spaces(school_id, external_id);
CREATE INDEX users_external ON users(school_id, external_id);
