package org.courtyard.core.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a translator and a test need to know about one owner's messages (the core's, or a plugin's):
 * keys its templates and code use that English lacks, keys each language lacks, keys no one uses, and
 * words written straight into a template instead of a message. Reads a jar (for
 * {@code bin/courtyard messages check}) or a source folder (for the tests).
 */
public final class MessageCheck {
  /** {{t "key" ...}} in a template. */
  static final Pattern TEMPLATE_KEY = Pattern.compile("\\{\\{~?t\\s+\"([^\"]+)\"");
  /** A key-shaped string in code: words.words (at least one dot, no spaces). */
  static final Pattern CODE_KEY = Pattern.compile("\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9-]+)+)\"");
  /** A key code asks for by name: req.t("key"), Message.of("key"), Words.of("key") or new Refusal("key"); it must exist. */
  static final Pattern CODE_CALL = Pattern.compile("(?:\\bt|Message\\.of|Words\\.of|\\bRefusal)\\(\\s*\"([a-z][\\w-]*(?:\\.[\\w-]+)+)\"");
  /** The conventional keys of a tool's declared texts (see ToolTexts). */
  static final Pattern BUILT_KEYS = Pattern.compile("^[a-z0-9-]+\\.(tool\\.(title|description)|capability\\.|setting\\.|menu\\.|widget\\.|action\\.|notify\\.kind\\.)");
  private static final Pattern COMMENT = Pattern.compile("\\{\\{!--.*?--}}|\\{\\{![^}]*}}", Pattern.DOTALL);
  private static final Pattern MUSTACHE = Pattern.compile("\\{\\{\\{?[^}]*}?}}");
  private static final Pattern SCRIPT_STYLE = Pattern.compile("<(script|style)\\b.*?</\\1>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG = Pattern.compile("<[^>]*>", Pattern.DOTALL);
  private static final Pattern READ_ATTRIBUTE = Pattern.compile("\\b(alt|title|aria-label|placeholder)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern ENTITY = Pattern.compile("&[#a-zA-Z0-9]+;");
  private static final Pattern LETTER = Pattern.compile("\\p{L}");

  /** One owner's findings. */
  public record Report(String owner, Set<String> used, Set<String> missingInEnglish, Map<String, Set<String>> missingByLanguage,
                       Set<String> unused, List<String> bareText, Set<String> parentsKeys) {
    /** The keys of the pages parents read ({@code messages/<owner>.parents}) that {@code language} lacks. */
    public Set<String> missingForParents(String language) {
      Set<String> lacks = new TreeSet<>(missingByLanguage.getOrDefault(language, Set.of()));
      lacks.retainAll(parentsKeys);
      return lacks;
    }

    public boolean clean(Set<String> languages) {
      return missingInEnglish.isEmpty() && bareText.isEmpty() && languages.stream().allMatch(l -> missingByLanguage.getOrDefault(l, Set.of()).isEmpty());
    }
  }

  private MessageCheck() {}

  /** Checks templates (name to text) and code (text in which keys appear as strings) against a bundle. */
  public static Report check(String owner, MessageBundle bundle, Map<String, String> templates, List<String> code) {
    Set<String> used = new TreeSet<>();
    List<String> bare = new ArrayList<>();
    templates.forEach((name, text) -> {
      Matcher m = TEMPLATE_KEY.matcher(text);
      while (m.find()) used.add(m.group(1));
      for (String words : bareText(text)) bare.add(name + ": " + words);
    });
    Set<String> english = bundle.keys("en");
    for (String c : code) {
      Matcher m = CODE_KEY.matcher(c);
      while (m.find()) if (english.contains(m.group(1))) used.add(m.group(1));
      Matcher call = CODE_CALL.matcher(c);
      while (call.find()) used.add(call.group(1));
    }
    Set<String> missingEnglish = new TreeSet<>(used);
    missingEnglish.removeAll(english);
    Map<String, Set<String>> missing = new TreeMap<>();
    for (Language l : Language.SHIPPED) {
      if (l == Language.ENGLISH) continue;
      Set<String> lacks = new TreeSet<>(english);
      lacks.removeAll(bundle.keys(l.code()));
      missing.put(l.code(), lacks);
    }
    Set<String> unused = new TreeSet<>(english);
    unused.removeAll(used);
    // Keys the core looks up by building their name: a tool's declared texts, kinds, roles, pictures.
    unused.removeIf(k -> BUILT_KEYS.matcher(k).find() || code.stream().anyMatch(c -> builtPrefixUsed(c, k)));
    return new Report(owner, used, missingEnglish, missing, unused, bare, bundle.parentsKeys());
  }

  /** Whether code builds this key from a prefix it names, e.g. {@code "kind.user." + kind}. */
  private static boolean builtPrefixUsed(String code, String key) {
    int dot = key.lastIndexOf('.');
    return dot > 0 && code.contains("\"" + key.substring(0, dot + 1) + "\"");
  }

  /** Words a reader would see that are written in the template itself rather than taken from messages. */
  public static List<String> bareText(String template) {
    String t = COMMENT.matcher(template).replaceAll(" ");
    t = SCRIPT_STYLE.matcher(t).replaceAll(" ");
    // Expressions go first: {{t "key"}} inside an attribute has quotes of its own.
    t = MUSTACHE.matcher(t).replaceAll(" ");
    List<String> out = new ArrayList<>();
    Matcher attrs = READ_ATTRIBUTE.matcher(t);
    while (attrs.find()) {
      if (LETTER.matcher(ENTITY.matcher(attrs.group(2)).replaceAll(" ")).find()) out.add(attrs.group(1) + "=\"" + attrs.group(2).trim() + "\"");
    }
    String text = TAG.matcher(t).replaceAll("\n");
    text = ENTITY.matcher(text).replaceAll(" ");
    for (String line : text.split("\n")) {
      String s = line.trim();
      if (!s.isEmpty() && LETTER.matcher(s).find()) out.add(s);
    }
    return out;
  }

  /** Reads a plugin jar (or the core's): its bundle named {@code name}, its templates and its classes' strings. */
  public static Report checkJar(Path jar, String name) throws IOException {
    Map<String, String> templates = new LinkedHashMap<>();
    List<String> code = new ArrayList<>();
    try (ZipFile z = new ZipFile(jar.toFile());
         java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
      for (ZipEntry e : Collections.list(z.entries())) {
        if (e.isDirectory()) continue;
        if (e.getName().startsWith("templates/") && e.getName().endsWith(".hbs")) templates.put(e.getName(), read(z, e));
        // A class's string constants are in its bytes as UTF-8: enough to see which keys it names.
        else if (e.getName().endsWith(".class")) code.add(new String(bytes(z, e), StandardCharsets.UTF_8).replaceAll("[^\\x20-\\x7e]", "\"\""));
      }
      return check(name, bundle(loader, name), templates, code);
    }
  }

  private static MessageBundle bundle(ClassLoader loader, String name) {
    return "core".equals(name) ? MessageBundle.load(loader, name, MessageBundle.CORE_PARTS) : MessageBundle.load(loader, name);
  }

  /** Reads a source tree: {@code resources}/templates and messages, and {@code java} sources. */
  public static Report checkSources(String name, Path resources, Path java) throws IOException {
    Map<String, String> templates = new LinkedHashMap<>();
    List<String> code = new ArrayList<>();
    Path tpl = resources.resolve("templates");
    if (Files.isDirectory(tpl)) {
      try (Stream<Path> s = Files.walk(tpl)) {
        for (Path p : s.filter(p -> p.toString().endsWith(".hbs")).sorted().toList()) templates.put(resources.relativize(p).toString(), Files.readString(p));
      }
    }
    if (java != null && Files.isDirectory(java)) {
      try (Stream<Path> s = Files.walk(java)) {
        for (Path p : s.filter(p -> p.toString().endsWith(".java")).toList()) code.add(Files.readString(p));
      }
    }
    try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {resources.toUri().toURL()}, null)) {
      return check(name, bundle(loader, name), templates, code);
    }
  }

  private static String read(ZipFile z, ZipEntry e) throws IOException { return new String(bytes(z, e), StandardCharsets.UTF_8); }

  private static byte[] bytes(ZipFile z, ZipEntry e) throws IOException {
    try (InputStream in = z.getInputStream(e)) {
      return in.readAllBytes();
    }
  }
}
