-- A learner's collections ("pages"); a staff-only collection (an education plan) is seen by staff and
-- the learner's parents only, whatever its visibility.
CREATE TABLE pf_collections (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner_id BIGINT NOT NULL,
  title VARCHAR(200) NOT NULL,
  description ${text} NOT NULL,
  visibility VARCHAR(20) NOT NULL,
  comments_allowed BOOLEAN NOT NULL,
  staff_only BOOLEAN DEFAULT FALSE NOT NULL,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX pf_collections_owner ON pf_collections(owner_id);

-- What a collection holds: text (sanitised HTML), a file (picture, recording, video, document) or a
-- reference to work in another tool (a link inside this site, whose own permissions still apply).
CREATE TABLE pf_artefacts (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  collection_id BIGINT NOT NULL REFERENCES pf_collections(id),
  kind VARCHAR(10) NOT NULL,
  title VARCHAR(200) NOT NULL,
  body ${text},
  file_key VARCHAR(64),
  file_name VARCHAR(255),
  content_type VARCHAR(100),
  link VARCHAR(500),
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX pf_artefacts_collection ON pf_artefacts(collection_id, id);

CREATE TABLE pf_comments (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  collection_id BIGINT NOT NULL REFERENCES pf_collections(id),
  author_id BIGINT NOT NULL,
  author_name VARCHAR(200) NOT NULL,
  body ${text} NOT NULL,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX pf_comments_collection ON pf_comments(collection_id, id);
