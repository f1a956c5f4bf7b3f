-- Trust: who acts for whom, what happened to credentials, and sign-in throttling.

-- Every credential, role, membership, relationship and import change, and every sign-in failure,
-- with who did it. Names are copied so the record still reads after an account is renamed or removed.
CREATE TABLE audit_log (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  school_id BIGINT,
  happened_at TIMESTAMP NOT NULL,
  action VARCHAR(40) NOT NULL,
  actor_id BIGINT,
  actor_name VARCHAR(200),
  subject_id BIGINT,
  subject_name VARCHAR(200),
  space_id BIGINT,
  detail VARCHAR(1000) DEFAULT '' NOT NULL,
  address VARCHAR(64)
);
CREATE INDEX audit_school_at ON audit_log(school_id, happened_at);
CREATE INDEX audit_subject ON audit_log(subject_id);

-- How long the school keeps its audit log (days).
ALTER TABLE schools ADD COLUMN audit_days INTEGER DEFAULT 365 NOT NULL;

-- A carer may see everything the school shares with parents (FULL) or only look (VIEW: no replies,
-- no consent slips, no credential help). More than two adults per child is normal.
ALTER TABLE parent_links ADD COLUMN carer_level VARCHAR(16) DEFAULT 'FULL' NOT NULL;
ALTER TABLE parent_links ADD COLUMN relation VARCHAR(40) DEFAULT 'Parent' NOT NULL;

-- The school's designated safeguarding lead(s).
CREATE TABLE safeguarding_leads (
  school_id BIGINT NOT NULL REFERENCES spaces(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  PRIMARY KEY (school_id, user_id)
);

-- Failure counters for sign-in, per account, per address, per class page, per account and address.
-- One row per key and window; counted with one conditional UPDATE so parallel tries cannot slip past.
CREATE TABLE sign_in_counters (
  counter_key VARCHAR(160) PRIMARY KEY,
  window_start BIGINT NOT NULL,
  failures INTEGER NOT NULL,
  blocked_until BIGINT DEFAULT 0 NOT NULL
);

-- Classroom tablets a teacher has set up for a class's picture sign-in.
CREATE TABLE picture_devices (
  token_hash VARCHAR(64) PRIMARY KEY,
  space_id BIGINT NOT NULL REFERENCES spaces(id),
  child_id BIGINT REFERENCES users(id),
  made_by BIGINT NOT NULL REFERENCES users(id),
  made_at TIMESTAMP NOT NULL
);
CREATE INDEX picture_devices_space ON picture_devices(space_id);

-- Whose session it is and when it began, so a credential change can end a person's other sessions
-- and a session has an absolute lifetime as well as an idle one.
ALTER TABLE web_sessions ADD COLUMN user_id BIGINT;
ALTER TABLE web_sessions ADD COLUMN signed_in_at BIGINT;
CREATE INDEX web_sessions_user ON web_sessions(user_id);

-- How many pictures a child's sequence has: 4 from now on; 3 for sequences chosen before.
ALTER TABLE users ADD COLUMN picture_length INTEGER DEFAULT 3 NOT NULL;
