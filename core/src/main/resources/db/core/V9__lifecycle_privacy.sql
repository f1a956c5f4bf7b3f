-- Plugin platform 2: scheduled jobs, school time zones, leavers and erasure.

-- One row per scheduled job (a tool's, or the core's): the next time it is due. A node runs a job only
-- after moving next_due on with a conditional UPDATE, so exactly one node of a cluster runs each time.
CREATE TABLE job_runs (
  job_key VARCHAR(160) PRIMARY KEY,
  next_due TIMESTAMP NOT NULL,
  last_started TIMESTAMP,
  last_finished TIMESTAMP,
  last_node VARCHAR(64),
  last_outcome VARCHAR(400),
  runs BIGINT DEFAULT 0 NOT NULL
);

-- A school's own time zone (null: the installation's), and how long a leaver's data is kept (days;
-- 0 keeps it until the school erases it by hand).
ALTER TABLE schools ADD COLUMN time_zone VARCHAR(64);
ALTER TABLE schools ADD COLUMN leaver_days INTEGER DEFAULT 365 NOT NULL;

-- When a person was marked as a leaver (cleared if they come back), and when their data was erased.
ALTER TABLE users ADD COLUMN left_at TIMESTAMP;
ALTER TABLE users ADD COLUMN erased_at TIMESTAMP;
CREATE INDEX users_left_at ON users(left_at);
