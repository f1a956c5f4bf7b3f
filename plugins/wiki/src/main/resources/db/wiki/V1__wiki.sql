CREATE TABLE wiki_pages (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  space_id BIGINT NOT NULL,
  owner_id BIGINT NOT NULL,
  slug VARCHAR(120) NOT NULL,
  title VARCHAR(200) NOT NULL,
  current_rev BIGINT,
  locked BOOLEAN DEFAULT FALSE NOT NULL,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX wiki_pages_slug ON wiki_pages(space_id, owner_id, slug);

CREATE TABLE wiki_revisions (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  page_id BIGINT NOT NULL REFERENCES wiki_pages(id),
  body ${text} NOT NULL,
  author_id BIGINT NOT NULL,
  author_name VARCHAR(200) NOT NULL,
  kind VARCHAR(12) NOT NULL,
  note VARCHAR(200) DEFAULT '' NOT NULL,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX wiki_revisions_page ON wiki_revisions(page_id, id);
