-- Downloads of a portfolio (web pages or LEAP2A zips) kept in the file store for a short while, so
-- any node can serve them and a scheduled job clears them, whichever node made them.
CREATE TABLE pf_exports (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id BIGINT NOT NULL,
  file_key VARCHAR(64) NOT NULL,
  created_at TIMESTAMP NOT NULL
);
CREATE INDEX pf_exports_created ON pf_exports(created_at);
