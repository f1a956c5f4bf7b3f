package org.courtyard.core.services;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.courtyard.api.Setting;
import org.courtyard.core.db.Db;
import org.courtyard.core.spaces.Space;

/** Stored values of tools' declared settings: per school, and per space where the setting allows it. */
@Singleton
public final class ToolSettings {
  private final Db db;

  @Inject
  public ToolSettings(Db db) { this.db = db; }

  public Optional<String> stored(long spaceId, String toolId, String key) {
    return db.queryOne("SELECT setting_value FROM tool_settings WHERE space_id = ? AND tool_id = ? AND setting_key = ?",
        rs -> rs.getString(1), spaceId, toolId, key);
  }

  /** Space value (for per-space settings), else the school's value, else the declared default. */
  public String effective(Space space, String toolId, Setting<?> setting) {
    if (setting.scope() == Setting.Scope.SPACE) {
      Optional<String> own = stored(space.id(), toolId, setting.key());
      if (own.isPresent()) return own.get();
    }
    if (space.schoolId() != null) {
      Optional<String> school = stored(space.schoolId(), toolId, setting.key());
      if (school.isPresent()) return school.get();
    }
    return setting.defaultValue();
  }

  /** Validates and saves every submitted value in one transaction; throws with the first message otherwise. */
  public void save(long spaceId, String toolId, Map<Setting<?>, String> submitted) {
    Map<String, String> clean = new TreeMap<>();
    submitted.forEach((setting, raw) -> clean.put(setting.key(), setting.validate(raw)));
    db.transaction(() -> {
      for (Map.Entry<String, String> e : clean.entrySet()) {
        if (db.update("UPDATE tool_settings SET setting_value = ? WHERE space_id = ? AND tool_id = ? AND setting_key = ?",
            e.getValue(), spaceId, toolId, e.getKey()) == 0) {
          db.update("INSERT INTO tool_settings (space_id, tool_id, setting_key, setting_value) VALUES (?, ?, ?, ?)",
              spaceId, toolId, e.getKey(), e.getValue());
        }
      }
      return null;
    });
  }

  public void clear(long spaceId, String toolId, String key) {
    db.update("DELETE FROM tool_settings WHERE space_id = ? AND tool_id = ? AND setting_key = ?", spaceId, toolId, key);
  }
}
