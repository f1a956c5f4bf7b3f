-- Results that tools hand to the core (Results service), read by the space's markbook.
CREATE TABLE results (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  space_id BIGINT NOT NULL REFERENCES spaces(id),
  tool_id VARCHAR(64) NOT NULL,
  item_key VARCHAR(100) NOT NULL,
  item_title VARCHAR(200) NOT NULL,
  learner_id BIGINT NOT NULL REFERENCES users(id),
  score DOUBLE PRECISION,
  out_of DOUBLE PRECISION,
  grade VARCHAR(100),
  recorded_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,
  shown_from TIMESTAMP
);
CREATE UNIQUE INDEX results_one ON results(space_id, tool_id, item_key, learner_id);
