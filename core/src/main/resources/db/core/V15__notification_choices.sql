-- How each kind of notification reaches a person: their own choice, else their school's default for
-- people of their kind. delivery: SITE (on the site only), EMAIL (and an e-mail at once), DIGEST (and
-- in a daily e-mail), NONE (not at all). kind_key is <tool>.<kind>, or * for every kind.
CREATE TABLE notification_choices (
  user_id BIGINT NOT NULL,
  kind_key VARCHAR(100) NOT NULL,
  delivery VARCHAR(10) NOT NULL,
  PRIMARY KEY (user_id, kind_key)
);
CREATE TABLE notification_defaults (
  school_id BIGINT NOT NULL,
  user_kind VARCHAR(10) NOT NULL,
  delivery VARCHAR(10) NOT NULL,
  PRIMARY KEY (school_id, user_kind)
);
-- Learners' quiet hours (minutes after midnight in the school's zone): e-mails to learners wait until they end.
ALTER TABLE schools ADD COLUMN quiet_from INTEGER;
ALTER TABLE schools ADD COLUMN quiet_to INTEGER;
-- A notification's kind, and when it went out in a digest (null: not yet, or not for a digest).
ALTER TABLE notifications ADD COLUMN kind_key VARCHAR(100);
ALTER TABLE notifications ADD COLUMN digest_due BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE notifications ADD COLUMN digested_at TIMESTAMP;
CREATE INDEX notifications_digest ON notifications(digest_due, user_id);
-- Keys the site makes for itself (the unsubscribe links' HMAC key), the same on every node.
CREATE TABLE site_keys (
  name VARCHAR(40) NOT NULL PRIMARY KEY,
  key_value VARCHAR(100) NOT NULL
);
