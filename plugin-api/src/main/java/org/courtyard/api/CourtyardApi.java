package org.courtyard.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this API. A plugin names the range it needs in {@code plugin.requires}. */
public final class CourtyardApi {
  public static final String VERSION = readVersion();

  private CourtyardApi() {}

  private static String readVersion() {
    try (InputStream in = CourtyardApi.class.getResourceAsStream("api.properties")) {
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException | NullPointerException e) {
      throw new UncheckedIOException(new IOException("plugin-api jar lacks api.properties", e));
    }
  }
}
