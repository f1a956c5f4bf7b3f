-- State every node of a cluster must agree on lives here, not in one node's memory or folder.

-- Signed-in sessions: sign in through one node, carry on through another (or after a restart).
-- data is Vert.x's session encoding, base64; a session holds a user id, a form token and a few messages.
CREATE TABLE web_sessions (
  id VARCHAR(128) PRIMARY KEY,
  data VARCHAR(30000) NOT NULL,
  timeout_ms BIGINT NOT NULL,
  last_accessed BIGINT NOT NULL
);
CREATE INDEX web_sessions_last_accessed ON web_sessions(last_accessed);

-- Plugins the ICT leader turned off (PF4J's own disabled.txt is per plugins folder, so per node).
CREATE TABLE disabled_plugins (
  plugin_id VARCHAR(100) PRIMARY KEY,
  disabled_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
