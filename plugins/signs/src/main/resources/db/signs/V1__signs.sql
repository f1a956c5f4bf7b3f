-- A space's gallery of sign videos. status: 'pending' (waiting for a teacher) or 'approved'.
CREATE TABLE sg_signs (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  space_id BIGINT NOT NULL,
  word VARCHAR(200) NOT NULL,
  word_key VARCHAR(200) NOT NULL,
  gloss VARCHAR(200) NOT NULL,
  notes ${text} NOT NULL,
  category VARCHAR(60) NOT NULL,
  tags VARCHAR(400) NOT NULL,
  signer VARCHAR(200) NOT NULL,
  video_key VARCHAR(64) NOT NULL,
  video_type VARCHAR(100) NOT NULL,
  video_size BIGINT NOT NULL,
  poster_key VARCHAR(64),
  captions ${text},
  status VARCHAR(12) NOT NULL,
  uploaded_by BIGINT NOT NULL,
  uploader_name VARCHAR(200) NOT NULL,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,
  approved_by VARCHAR(200)
);
CREATE INDEX sg_signs_space ON sg_signs(space_id, status, word_key);

-- The sign of the week, one per space.
CREATE TABLE sg_week (
  space_id BIGINT NOT NULL PRIMARY KEY,
  sign_id BIGINT NOT NULL REFERENCES sg_signs(id),
  chosen_by VARCHAR(200) NOT NULL,
  chosen_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);

-- Learners a teacher named as allowed to upload to a space's gallery.
CREATE TABLE sg_uploaders (
  space_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  PRIMARY KEY (space_id, user_id)
);

-- A resumable upload: the declared size and how many bytes have arrived, in order.
CREATE TABLE sg_uploads (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token VARCHAR(40) NOT NULL,
  space_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  total_size BIGINT NOT NULL,
  received BIGINT NOT NULL,
  word VARCHAR(200) NOT NULL,
  gloss VARCHAR(200) NOT NULL,
  notes ${text} NOT NULL,
  category VARCHAR(60) NOT NULL,
  tags VARCHAR(400) NOT NULL,
  signer VARCHAR(200) NOT NULL,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX sg_uploads_token ON sg_uploads(token);

-- Each chunk is its own file in the FileStore until the upload completes and they are joined.
CREATE TABLE sg_chunks (
  upload_id BIGINT NOT NULL REFERENCES sg_uploads(id),
  start_at BIGINT NOT NULL,
  byte_count BIGINT NOT NULL,
  file_key VARCHAR(64) NOT NULL,
  PRIMARY KEY (upload_id, start_at)
);

-- A practice question: which sign was shown (never sent to the page) and the four words offered.
CREATE TABLE sg_practice (
  token VARCHAR(40) NOT NULL PRIMARY KEY,
  space_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  sign_id BIGINT NOT NULL REFERENCES sg_signs(id),
  choices VARCHAR(1000) NOT NULL,
  answer VARCHAR(200),
  correct BOOLEAN,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX sg_practice_user ON sg_practice(space_id, user_id, created_at);
