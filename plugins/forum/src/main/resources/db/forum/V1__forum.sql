-- Forum tables. Portable SQL (Derby and PostgreSQL); ${text} is the large-text type.
CREATE TABLE forum_forums (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  space_id BIGINT NOT NULL,
  title VARCHAR(200) NOT NULL,
  description VARCHAR(1000) DEFAULT '' NOT NULL,
  threaded BOOLEAN DEFAULT TRUE NOT NULL,
  qa BOOLEAN DEFAULT FALSE NOT NULL,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX forum_forums_space ON forum_forums(space_id);

CREATE TABLE forum_discussions (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  forum_id BIGINT NOT NULL REFERENCES forum_forums(id),
  space_id BIGINT NOT NULL,
  author_id BIGINT NOT NULL,
  author_name VARCHAR(200) NOT NULL,
  title VARCHAR(200) NOT NULL,
  sticky BOOLEAN DEFAULT FALSE NOT NULL,
  locked BOOLEAN DEFAULT FALSE NOT NULL,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,
  last_post_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX forum_discussions_forum ON forum_discussions(forum_id, sticky, last_post_at);

CREATE TABLE forum_posts (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  discussion_id BIGINT NOT NULL REFERENCES forum_discussions(id),
  parent_id BIGINT,
  space_id BIGINT NOT NULL,
  author_id BIGINT NOT NULL,
  author_name VARCHAR(200) NOT NULL,
  body ${text} NOT NULL,
  status VARCHAR(12) NOT NULL,
  held_reason VARCHAR(300),
  hidden_reason VARCHAR(300),
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX forum_posts_discussion ON forum_posts(discussion_id, id);
CREATE INDEX forum_posts_space_status ON forum_posts(space_id, status);

CREATE TABLE forum_attachments (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  post_id BIGINT NOT NULL REFERENCES forum_posts(id),
  file_key VARCHAR(64) NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  size_bytes BIGINT NOT NULL
);
CREATE INDEX forum_attachments_post ON forum_attachments(post_id);

CREATE TABLE forum_reports (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  post_id BIGINT NOT NULL REFERENCES forum_posts(id),
  reporter_id BIGINT NOT NULL,
  reporter_name VARCHAR(200) NOT NULL,
  reason VARCHAR(500) NOT NULL,
  resolved BOOLEAN DEFAULT FALSE NOT NULL,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX forum_reports_post ON forum_reports(post_id, resolved);

CREATE TABLE forum_subscriptions (
  discussion_id BIGINT NOT NULL REFERENCES forum_discussions(id),
  user_id BIGINT NOT NULL,
  PRIMARY KEY (discussion_id, user_id)
);

CREATE TABLE forum_reads (
  discussion_id BIGINT NOT NULL REFERENCES forum_discussions(id),
  user_id BIGINT NOT NULL,
  last_post_id BIGINT NOT NULL,
  PRIMARY KEY (discussion_id, user_id)
);
