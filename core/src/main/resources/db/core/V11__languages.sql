-- Languages: the one each person reads (null: chosen for them from their browser and school), the ones a
-- school offers (comma-separated codes; null: every shipped language) and its default, and the
-- school's own wording for any message ("Class" -> "Form").
ALTER TABLE users ADD COLUMN language VARCHAR(16);
ALTER TABLE schools ADD COLUMN languages VARCHAR(200);
ALTER TABLE schools ADD COLUMN default_language VARCHAR(16);
CREATE TABLE message_overrides (
  school_id BIGINT NOT NULL,
  language VARCHAR(16) NOT NULL,
  message_key VARCHAR(200) NOT NULL,
  message ${text} NOT NULL,
  PRIMARY KEY (school_id, language, message_key)
);
