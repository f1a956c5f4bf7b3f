-- The question bank: categories and questions per space. Questions are never deleted outright
-- (deleted = TRUE) so that past attempts can still be shown and marked.
CREATE TABLE qz_categories (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  space_id BIGINT NOT NULL,
  name VARCHAR(100) NOT NULL
);
CREATE UNIQUE INDEX qz_categories_name ON qz_categories(space_id, name);

CREATE TABLE qz_questions (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  space_id BIGINT NOT NULL,
  category_id BIGINT REFERENCES qz_categories(id),
  qtype VARCHAR(20) NOT NULL,
  title VARCHAR(200) NOT NULL,
  prompt ${text} NOT NULL,
  points DOUBLE PRECISION NOT NULL,
  case_sensitive BOOLEAN DEFAULT FALSE NOT NULL,
  num_answer DOUBLE PRECISION,
  tolerance DOUBLE PRECISION,
  gap_text ${text},
  feedback ${text},
  image_key VARCHAR(64),
  image_type VARCHAR(100),
  audio_key VARCHAR(64),
  audio_type VARCHAR(100),
  created_by BIGINT NOT NULL,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,
  deleted BOOLEAN DEFAULT FALSE NOT NULL
);
CREATE INDEX qz_questions_space ON qz_questions(space_id, category_id);

-- Options of a question: choices (with correct), accepted answers, matching pairs (text ↔ match_text),
-- or the items of an ordering question in their right order.
CREATE TABLE qz_choices (
  question_id BIGINT NOT NULL REFERENCES qz_questions(id),
  pos INT NOT NULL,
  text VARCHAR(1000) NOT NULL,
  correct BOOLEAN DEFAULT FALSE NOT NULL,
  match_text VARCHAR(1000),
  PRIMARY KEY (question_id, pos)
);

CREATE TABLE qz_quizzes (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  space_id BIGINT NOT NULL,
  title VARCHAR(200) NOT NULL,
  intro ${text} NOT NULL,
  time_limit_min INT,
  opens_at TIMESTAMP,
  closes_at TIMESTAMP,
  attempts_allowed INT NOT NULL,
  shuffle BOOLEAN NOT NULL,
  feedback VARCHAR(20) NOT NULL,
  published BOOLEAN NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX qz_quizzes_space ON qz_quizzes(space_id);

-- What a quiz is made of: a fixed question, or a number of questions picked at random from a category.
CREATE TABLE qz_quiz_items (
  quiz_id BIGINT NOT NULL REFERENCES qz_quizzes(id),
  pos INT NOT NULL,
  question_id BIGINT REFERENCES qz_questions(id),
  category_id BIGINT REFERENCES qz_categories(id),
  pick INT NOT NULL,
  PRIMARY KEY (quiz_id, pos)
);

-- attempt_no is unique per learner and quiz, so two "Start" clicks at once make one attempt.
CREATE TABLE qz_attempts (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  quiz_id BIGINT NOT NULL REFERENCES qz_quizzes(id),
  user_id BIGINT NOT NULL,
  user_name VARCHAR(200) NOT NULL,
  attempt_no INT NOT NULL,
  seed BIGINT NOT NULL,
  started_at TIMESTAMP NOT NULL,
  deadline TIMESTAMP,
  submitted_at TIMESTAMP,
  timed_out BOOLEAN DEFAULT FALSE NOT NULL,
  state VARCHAR(16) NOT NULL,
  score DOUBLE PRECISION,
  max_score DOUBLE PRECISION NOT NULL
);
CREATE UNIQUE INDEX qz_attempts_no ON qz_attempts(quiz_id, user_id, attempt_no);
CREATE INDEX qz_attempts_state ON qz_attempts(quiz_id, state);

-- One row per question in an attempt; the answer is saved as the learner goes (autosave).
CREATE TABLE qz_slots (
  attempt_id BIGINT NOT NULL REFERENCES qz_attempts(id),
  slot INT NOT NULL,
  question_id BIGINT NOT NULL REFERENCES qz_questions(id),
  answer ${text},
  score DOUBLE PRECISION,
  comment VARCHAR(2000),
  PRIMARY KEY (attempt_id, slot)
);
