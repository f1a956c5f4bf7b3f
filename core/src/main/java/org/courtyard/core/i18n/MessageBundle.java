package org.courtyard.core.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The messages of the core or of one plugin: {@code messages/<name>.properties} (English, complete) and
 * {@code messages/<name>_<language>.properties} for each other language, read as UTF-8 through the
 * owner's class loader (a plugin's bundle lives in its jar). Plain files a school or a volunteer can
 * correct; a message missing in a language falls back to English.
 */
public final class MessageBundle {
  private final String name;
  private final Map<String, Map<String, String>> byLanguage = new HashMap<>();
  private java.util.List<String> parentsPages = java.util.List.of();

  private MessageBundle(String name) { this.name = name; }

  /**
   * Reads {@code messages/<name>*.properties} for every shipped language from {@code loader}, and as
   * part of the same bundle {@code messages/<part>*.properties} for each further part (the core keeps
   * its administration pages' words in a file of their own).
   */
  public static MessageBundle load(ClassLoader loader, String name, String... parts) {
    MessageBundle b = new MessageBundle(name);
    for (Language l : Language.SHIPPED) {
      Map<String, String> messages = new HashMap<>();
      for (String file : concat(name, parts)) {
        messages.putAll(read(loader, "messages/" + file + (l == Language.ENGLISH ? "" : "_" + l.code()) + ".properties"));
      }
      if (!messages.isEmpty()) b.byLanguage.put(l.code(), Collections.unmodifiableMap(messages));
    }
    b.parentsPages = readLines(loader, "messages/" + name + ".parents");
    return b;
  }

  /**
   * Which of the bundle's keys are on the pages parents and carers read, from {@code messages/<name>.parents}:
   * one key, or a key prefix ending in a dot ({@code home.}), per line; {@code !} before one leaves it out, {@code #} comments.
   * Those keys are shipped in every language, not only in English and Welsh.
   */
  public Set<String> parentsKeys() {
    Set<String> out = new java.util.TreeSet<>();
    for (String key : keys("en")) {
      boolean in = false;
      for (String line : parentsPages) {
        boolean not = line.startsWith("!");
        String which = not ? line.substring(1) : line;
        if (which.endsWith(".") ? key.startsWith(which) : key.equals(which)) in = !not;
      }
      if (in) out.add(key);
    }
    return out;
  }

  private static java.util.List<String> readLines(ClassLoader loader, String file) {
    java.net.URL url = loader instanceof java.net.URLClassLoader u ? u.findResource(file) : loader.getResource(file);
    if (url == null) return java.util.List.of();
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** The core's bundle: its files, and the plugin API's words (its file readers' problems, in the API jar). */
  public static final String[] CORE_PARTS = {"core-admin", "plugin-api"};

  private static java.util.List<String> concat(String name, String... parts) {
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(name));
    all.addAll(java.util.List.of(parts));
    return all;
  }

  /** A bundle made in code (tests, a plugin without messages). */
  public static MessageBundle of(String name, Map<String, Map<String, String>> byLanguage) {
    MessageBundle b = new MessageBundle(name);
    byLanguage.forEach((lang, messages) -> b.byLanguage.put(lang, Map.copyOf(messages)));
    return b;
  }

  private static Map<String, String> read(ClassLoader loader, String file) {
    // Only this loader's own copy: a plugin's loader would otherwise find the core's file of the same name.
    java.net.URL url = loader instanceof java.net.URLClassLoader u ? u.findResource(file) : loader.getResource(file);
    if (url == null) return Map.of();
    try (InputStream in = url.openStream()) {
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> out = new HashMap<>();
      for (String k : p.stringPropertyNames()) out.put(k, p.getProperty(k));
      return Collections.unmodifiableMap(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  public String name() { return name; }

  /** The pattern for {@code key} in {@code language}, or null when that language lacks it. */
  public String pattern(String language, String key) {
    Map<String, String> m = byLanguage.get(language);
    return m == null ? null : m.get(key);
  }

  /** The keys a language has (English: every key). */
  public Set<String> keys(String language) { return byLanguage.getOrDefault(language, Map.of()).keySet(); }

  public Set<String> languages() { return byLanguage.keySet(); }
}
