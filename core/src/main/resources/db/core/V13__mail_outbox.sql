-- E-mail waiting to go out, and what went out. A row is written in the same transaction as what caused
-- it (a notification), so a message is never lost nor sent for work that was rolled back. A node claims a
-- row (pending -> sending, with its id and a lease) before it hands it to the SMTP relay, then marks it
-- sent; see MailOutbox. status: pending, sending, sent, failed. via: smtp, or dev (the development mailbox).
CREATE TABLE mail_outbox (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  message_id VARCHAR(250) NOT NULL UNIQUE,
  to_address VARCHAR(320) NOT NULL,
  user_id BIGINT,
  school_id BIGINT,
  subject VARCHAR(1000) NOT NULL,
  body_text ${text} NOT NULL,
  body_html ${text} NOT NULL,
  unsubscribe_url VARCHAR(1000),
  kind VARCHAR(60) NOT NULL,
  status VARCHAR(20) NOT NULL,
  attempts INT DEFAULT 0 NOT NULL,
  next_attempt_at TIMESTAMP NOT NULL,
  give_up_at TIMESTAMP NOT NULL,
  claimed_by VARCHAR(100),
  lease_until TIMESTAMP,
  last_error VARCHAR(1000),
  via VARCHAR(10),
  created_at TIMESTAMP NOT NULL,
  sent_at TIMESTAMP
);
CREATE INDEX mail_outbox_due ON mail_outbox(status, next_attempt_at);
CREATE INDEX mail_outbox_school ON mail_outbox(school_id, status);
CREATE INDEX mail_outbox_user ON mail_outbox(user_id);
