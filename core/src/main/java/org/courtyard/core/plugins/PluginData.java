package org.courtyard.core.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.courtyard.core.db.Db;

/**
 * The data a plugin keeps: the tables its tools' migrations made. Each tool's Flyway history
 * ({@code history_<tool>}) names the scripts that ran; those scripts, read from the plugin's jar, say
 * which tables they created (and dropped). Exported as CSV files in a zip; deleted by dropping them
 * with the history, and the core's rows about its tools (turned on, added to spaces, settings, marks).
 */
public final class PluginData {
  private static final Pattern CREATE = Pattern.compile("(?i)\\bCREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?([A-Za-z_][A-Za-z0-9_]*)\"?");
  private static final Pattern DROP = Pattern.compile("(?i)\\bDROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?\"?([A-Za-z_][A-Za-z0-9_]*)\"?");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private final Db db;

  public PluginData(Db db) { this.db = db; }

  /** The tables a plugin's tools made, in the order they were made, read from its jar and the tools' histories. */
  public List<String> tables(List<String> toolIds, Path jar) {
    Set<String> tables = new LinkedHashSet<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (String tool : toolIds) {
        for (String script : scripts(tool)) {
          String sql = readScript(zip, script);
          if (sql == null) continue;
          Matcher c = CREATE.matcher(sql);
          while (c.find()) tables.add(c.group(1).toLowerCase(Locale.ROOT));
          Matcher d = DROP.matcher(sql);
          while (d.find()) tables.remove(d.group(1).toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(tables);
  }

  /** The history tables of the tools that exist. */
  public List<String> histories(List<String> toolIds) {
    return toolIds.stream().map(PluginData::history).filter(this::exists).toList();
  }

  private List<String> scripts(String tool) {
    String h = history(tool);
    if (!exists(h)) return List.of();
    return db.query("SELECT \"script\" FROM \"" + h + "\" WHERE \"success\" = TRUE ORDER BY \"installed_rank\"", rs -> rs.getString(1));
  }

  private static String readScript(ZipFile zip, String script) throws IOException {
    for (ZipEntry e : Collections.list(zip.entries())) {
      if (e.getName().equals(script) || e.getName().endsWith("/" + script)) {
        try (var in = zip.getInputStream(e)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    return null;
  }

  static String history(String tool) { return "history_" + tool.replace('-', '_'); }

  private boolean exists(String quotedTable) {
    try {
      db.count("SELECT COUNT(*) FROM " + quoted(quotedTable) + " WHERE 1 = 0");
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Writes every table as {@code <table>.csv} (a header row, then one row each; binary columns in base64) into a zip. */
  public void export(List<String> tables, String pluginId, OutputStream out) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("README.txt"));
      zip.write(("The data of the plugin " + pluginId + ": one CSV file per table (UTF-8, a header row, binary columns in base64).\n")
          .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
        for (String t : tables) {
          if (!tableExists(t)) continue;
          zip.putNextEntry(new ZipEntry(t + ".csv"));
          try (ResultSet rs = st.executeQuery("SELECT * FROM " + name(t))) {
            writeCsv(rs, zip);
          }
          zip.closeEntry();
        }
      } catch (SQLException e) {
        throw new IOException("Could not read the plugin's tables: " + e.getMessage(), e);
      }
    }
  }

  private static void writeCsv(ResultSet rs, OutputStream out) throws SQLException, IOException {
    ResultSetMetaData md = rs.getMetaData();
    List<String> header = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) header.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
    out.write(csvLine(header).getBytes(StandardCharsets.UTF_8));
    while (rs.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        Object v = rs.getObject(i);
        if (v instanceof java.sql.Blob b) v = b.getBytes(1, (int) b.length());
        if (v instanceof java.sql.Clob c) v = c.getSubString(1, (int) c.length());
        row.add(v == null ? "" : v instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes) : v.toString());
      }
      out.write(csvLine(row).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String csvLine(List<String> cells) {
    List<String> quoted = new ArrayList<>();
    for (String c : cells) quoted.add(c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
    return String.join(",", quoted) + "\r\n";
  }

  /** Drops the tables (in whatever order their foreign keys allow) and histories, then the core's rows about the tools (in one transaction). */
  public void delete(List<String> toolIds, List<String> tables) {
    List<String> left = new ArrayList<>(tables.stream().filter(this::tableExists).toList());
    Collections.reverse(left);
    for (int pass = 0; pass < 5 && !left.isEmpty(); pass++) {
      for (String t : new ArrayList<>(left)) {
        try {
          db.update("DROP TABLE " + name(t));
          left.remove(t);
        } catch (RuntimeException e) {
          // another of its tables still refers to it; the next pass drops it
        }
      }
    }
    if (!left.isEmpty()) throw new IllegalStateException("Could not drop " + left + ": another table refers to them.");
    for (String h : histories(toolIds)) db.update("DROP TABLE " + quoted(h));
    db.transaction(() -> {
      for (String tool : toolIds) {
        db.update("DELETE FROM school_tools WHERE tool_id = ?", tool);
        db.update("DELETE FROM space_tools WHERE tool_id = ?", tool);
        db.update("DELETE FROM tool_settings WHERE tool_id = ?", tool);
        db.update("DELETE FROM results WHERE tool_id = ?", tool);
        db.update("DELETE FROM capability_overrides WHERE capability LIKE ?", tool + ".%");
      }
      return null;
    });
  }

  private boolean tableExists(String table) {
    try {
      db.count("SELECT COUNT(*) FROM " + name(table) + " WHERE 1 = 0");
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String name(String t) {
    if (!NAME.matcher(t).matches()) throw new IllegalArgumentException("Not a table name: " + t);
    return t;
  }

  private static String quoted(String t) { return "\"" + name(t) + "\""; }
}
