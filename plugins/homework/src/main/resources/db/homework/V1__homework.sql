CREATE TABLE hw_tasks (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  space_id BIGINT NOT NULL,
  title VARCHAR(200) NOT NULL,
  instructions ${text} NOT NULL,
  due_at TIMESTAMP NOT NULL,
  for_all BOOLEAN NOT NULL,
  created_by BIGINT NOT NULL,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX hw_tasks_space ON hw_tasks(space_id, due_at);

CREATE TABLE hw_assignees (
  task_id BIGINT NOT NULL REFERENCES hw_tasks(id),
  user_id BIGINT NOT NULL,
  PRIMARY KEY (task_id, user_id)
);

CREATE TABLE hw_extensions (
  task_id BIGINT NOT NULL REFERENCES hw_tasks(id),
  user_id BIGINT NOT NULL,
  due_at TIMESTAMP NOT NULL,
  PRIMARY KEY (task_id, user_id)
);

CREATE TABLE hw_submissions (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id BIGINT NOT NULL REFERENCES hw_tasks(id),
  user_id BIGINT NOT NULL,
  user_name VARCHAR(200) NOT NULL,
  body ${text} NOT NULL,
  link VARCHAR(500),
  submitted_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,
  late BOOLEAN NOT NULL,
  mark VARCHAR(100),
  feedback ${text},
  marked_by VARCHAR(200),
  returned BOOLEAN DEFAULT FALSE NOT NULL
);
CREATE UNIQUE INDEX hw_submissions_one ON hw_submissions(task_id, user_id);

CREATE TABLE hw_files (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  submission_id BIGINT NOT NULL REFERENCES hw_submissions(id),
  file_key VARCHAR(64) NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  content_type VARCHAR(100) NOT NULL
);
