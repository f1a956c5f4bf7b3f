-- A person's secret calendar address (only its SHA-256 is kept; a new one replaces the old, which then answers 404).
CREATE TABLE calendar_feeds (
  user_id BIGINT NOT NULL PRIMARY KEY,
  token_hash VARCHAR(64) NOT NULL,
  created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX calendar_feeds_token ON calendar_feeds(token_hash);

-- Term dates and closures the school admin sets: whole days in the school's time zone, ends inclusive.
CREATE TABLE school_dates (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  school_id BIGINT NOT NULL,
  kind VARCHAR(10) NOT NULL,
  name VARCHAR(200) NOT NULL,
  starts DATE NOT NULL,
  ends DATE NOT NULL
);
CREATE INDEX school_dates_school ON school_dates(school_id, starts);
