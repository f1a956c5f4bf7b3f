package org.courtyard.api.web;

/** Writing spreadsheets (CSV) for download, the same way in the core and every tool. */
public final class Csv {
  private Csv() {}

  /**
   * One cell, quoted, with quotes doubled; text a spreadsheet would run as a formula (starting with
   * =, +, -, @, tab or return) is defused with a leading apostrophe.
   */
  public static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
