-- The plugin version each plugin should run at, and its jar, so every node of a cluster (and a node
-- that was down during an upgrade) converges on it. Written by the installer; a removed plugin keeps
-- its row (removed = TRUE) so other nodes remove it too.
CREATE TABLE plugin_releases (
  plugin_id VARCHAR(100) PRIMARY KEY,
  version VARCHAR(50) NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  publisher VARCHAR(200),
  source VARCHAR(500) NOT NULL,
  jar ${blob},
  removed BOOLEAN DEFAULT FALSE NOT NULL,
  changed_at TIMESTAMP NOT NULL
);

-- Which tools a plugin brought (their history_<tool> tables say which tables they made), so its data
-- can be exported or deleted when it is removed, even while it is not running.
CREATE TABLE plugin_tools (
  plugin_id VARCHAR(100) NOT NULL,
  tool_id VARCHAR(40) NOT NULL,
  PRIMARY KEY (plugin_id, tool_id)
);
