package org.courtyard.core.services;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.TreeSet;
import org.courtyard.core.cache.RequestMemo;
import org.courtyard.core.db.Db;

/** Per-school choices: which installed tools the school uses, and its branding. */
@Singleton
public final class SchoolStore {
  private final Db db;

  @Inject
  public SchoolStore(Db db) { this.db = db; }

  public record Branding(String primaryColour, String accentColour, String logoKey) {
    public static final Branding DEFAULT = new Branding("#1d4f91", "#f2b705", null);
  }

  public Branding branding(long schoolId) {
    return RequestMemo.get(() -> db.queryOne("SELECT primary_colour, accent_colour, logo_key FROM schools WHERE space_id = ?",
        rs -> new Branding(rs.getString(1), rs.getString(2), rs.getString(3)), schoolId).orElse(Branding.DEFAULT), "branding", schoolId);
  }

  public void setBranding(long schoolId, String primary, String accent) {
    if (!primary.matches("#[0-9a-fA-F]{6}") || !accent.matches("#[0-9a-fA-F]{6}")) {
      throw new IllegalArgumentException("Colours are written like #1d4f91.");
    }
    db.update("UPDATE schools SET primary_colour = ?, accent_colour = ? WHERE space_id = ?", primary.toLowerCase(), accent.toLowerCase(), schoolId);
  }

  public void setLogo(long schoolId, String fileKey) {
    db.update("UPDATE schools SET logo_key = ? WHERE space_id = ?", fileKey, schoolId);
  }

  /** The school's own time zone, if it set one (otherwise the installation's applies). */
  public java.util.Optional<java.time.ZoneId> timeZone(long schoolId) {
    return RequestMemo.get(() -> db.queryOne("SELECT time_zone FROM schools WHERE space_id = ?", rs -> rs.getString(1), schoolId)
        .filter(z -> z != null && !z.isBlank()).map(java.time.ZoneId::of), "time-zone", schoolId);
  }

  /** Sets the school's time zone; {@code null} goes back to the installation's. */
  public void setTimeZone(long schoolId, java.time.ZoneId zone) {
    RequestMemo.clear();
    db.update("UPDATE schools SET time_zone = ? WHERE space_id = ?", zone == null ? null : zone.getId(), schoolId);
  }

  public boolean toolEnabled(long schoolId, String toolId) { return enabledTools(schoolId).contains(toolId); }

  public Set<String> enabledTools(long schoolId) {
    return RequestMemo.get(() -> new TreeSet<>(db.query("SELECT tool_id FROM school_tools WHERE school_id = ? AND enabled = TRUE", rs -> rs.getString(1), schoolId)),
        "school-tools", schoolId);
  }

  public void setToolEnabled(long schoolId, String toolId, boolean enabled) {
    RequestMemo.clear();
    if (db.update("UPDATE school_tools SET enabled = ? WHERE school_id = ? AND tool_id = ?", enabled, schoolId, toolId) == 0) {
      db.update("INSERT INTO school_tools (school_id, tool_id, enabled) VALUES (?, ?, ?)", schoolId, toolId, enabled);
    }
  }
}
