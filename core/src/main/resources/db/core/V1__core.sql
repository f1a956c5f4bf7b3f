-- Courtyard core schema. Portable SQL: runs on Derby and PostgreSQL.
CREATE TABLE spaces (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  parent_id BIGINT REFERENCES spaces(id),
  school_id BIGINT,
  kind VARCHAR(16) NOT NULL,
  slug VARCHAR(80) NOT NULL UNIQUE,
  name VARCHAR(200) NOT NULL,
  description VARCHAR(2000) DEFAULT '' NOT NULL,
  owner_user_id BIGINT,
  archived BOOLEAN DEFAULT FALSE NOT NULL,
  parents_allowed BOOLEAN DEFAULT TRUE NOT NULL,
  picture_code VARCHAR(40),
  external_id VARCHAR(100),
  source VARCHAR(40) DEFAULT 'manual' NOT NULL,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX spaces_school ON spaces(school_id);

CREATE TABLE schools (
  space_id BIGINT PRIMARY KEY REFERENCES spaces(id),
  primary_colour VARCHAR(7) DEFAULT '#1d4f91' NOT NULL,
  accent_colour VARCHAR(7) DEFAULT '#f2b705' NOT NULL,
  logo_key VARCHAR(120)
);

CREATE TABLE users (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  school_id BIGINT REFERENCES spaces(id),
  username VARCHAR(80) NOT NULL UNIQUE,
  display_name VARCHAR(200) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  email VARCHAR(254),
  password_hash VARCHAR(100),
  picture_hash VARCHAR(100),
  avatar VARCHAR(32) DEFAULT 'fox' NOT NULL,
  failed_logins INTEGER DEFAULT 0 NOT NULL,
  locked_until TIMESTAMP,
  disabled BOOLEAN DEFAULT FALSE NOT NULL,
  site_admin BOOLEAN DEFAULT FALSE NOT NULL,
  external_id VARCHAR(100),
  source VARCHAR(40) DEFAULT 'manual' NOT NULL,
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);

CREATE TABLE memberships (
  space_id BIGINT NOT NULL REFERENCES spaces(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  role VARCHAR(16) NOT NULL,
  cascades BOOLEAN DEFAULT FALSE NOT NULL,
  source VARCHAR(40) DEFAULT 'manual' NOT NULL,
  PRIMARY KEY (space_id, user_id)
);

CREATE TABLE parent_links (
  parent_id BIGINT NOT NULL REFERENCES users(id),
  child_id BIGINT NOT NULL REFERENCES users(id),
  source VARCHAR(40) DEFAULT 'manual' NOT NULL,
  PRIMARY KEY (parent_id, child_id)
);

CREATE TABLE school_tools (
  school_id BIGINT NOT NULL REFERENCES spaces(id),
  tool_id VARCHAR(40) NOT NULL,
  enabled BOOLEAN NOT NULL,
  PRIMARY KEY (school_id, tool_id)
);

CREATE TABLE space_tools (
  space_id BIGINT NOT NULL REFERENCES spaces(id),
  tool_id VARCHAR(40) NOT NULL,
  PRIMARY KEY (space_id, tool_id)
);

CREATE TABLE capability_overrides (
  space_id BIGINT NOT NULL REFERENCES spaces(id),
  capability VARCHAR(100) NOT NULL,
  min_role VARCHAR(16) NOT NULL,
  PRIMARY KEY (space_id, capability)
);

CREATE TABLE tool_settings (
  space_id BIGINT NOT NULL REFERENCES spaces(id),
  tool_id VARCHAR(40) NOT NULL,
  setting_key VARCHAR(60) NOT NULL,
  setting_value VARCHAR(2000) NOT NULL,
  PRIMARY KEY (space_id, tool_id, setting_key)
);

CREATE TABLE activity (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  school_id BIGINT,
  space_id BIGINT,
  user_id BIGINT,
  tool_id VARCHAR(40) NOT NULL,
  action VARCHAR(60) NOT NULL,
  summary VARCHAR(500) NOT NULL,
  happened_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX activity_school_at ON activity(school_id, happened_at);
