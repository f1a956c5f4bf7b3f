CREATE TABLE blog_posts (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  space_id BIGINT NOT NULL,
  author_id BIGINT NOT NULL,
  author_name VARCHAR(200) NOT NULL,
  title VARCHAR(200) NOT NULL,
  body ${text} NOT NULL,
  status VARCHAR(12) NOT NULL,
  publish_at TIMESTAMP,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,
  updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX blog_posts_space ON blog_posts(space_id, status, publish_at);

CREATE TABLE blog_media (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  post_id BIGINT NOT NULL REFERENCES blog_posts(id),
  file_key VARCHAR(64) NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  content_type VARCHAR(100) NOT NULL
);
CREATE INDEX blog_media_post ON blog_media(post_id);

CREATE TABLE blog_comments (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  post_id BIGINT NOT NULL REFERENCES blog_posts(id),
  space_id BIGINT NOT NULL,
  author_id BIGINT NOT NULL,
  author_name VARCHAR(200) NOT NULL,
  body ${text} NOT NULL,
  status VARCHAR(12) NOT NULL,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX blog_comments_post ON blog_comments(post_id, id);
