package org.courtyard.core.web;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Options;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.io.URLTemplateLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Instant;
import java.time.ZoneId;
import org.courtyard.core.i18n.MessageBundle;
import org.courtyard.core.i18n.Messages;
import java.util.Map;
import java.util.Objects;

/**
 * Handlebars engines: one for the core's templates, one per plugin reading from the plugin's own class
 * loader (Handlebars' class-path loader would look in the host's). All share the same helpers.
 */
public final class Renderer {
  /** The model key holding the reader's language code (the core puts it in every page's model). */
  public static final String LANGUAGE = "uiLanguage";
  /** The model key holding the reader's school's own wording (key to pattern) for the reader's language. */
  public static final String OVERRIDES = "uiOverrides";

  /** A template engine bound to one class loader and folder. */
  public static final class Engine {
    private final Handlebars handlebars;
    // Compiled once per name: templates come from jars, which do not change while the engine lives
    // (a plugin started again gets a new engine). Asking the class loader for the source on every
    // render was the largest cost of a page.
    private final java.util.concurrent.ConcurrentMap<String, Template> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    private final Messages messages;
    private final MessageBundle own;

    private Engine(ClassLoader loader, String folder, Messages messages, MessageBundle own) {
      this.messages = messages;
      this.own = own;
      URLTemplateLoader templateLoader = new URLTemplateLoader() {
        @Override
        protected URL getResource(String location) {
          String path = location.startsWith("/") ? location.substring(1) : location;
          return loader.getResource(path);
        }
      };
      templateLoader.setPrefix(folder);
      templateLoader.setSuffix(".hbs");
      this.handlebars = new Handlebars(templateLoader).with(new ConcurrentMapTemplateCache());
      registerHelpers(handlebars, messages, own);
    }

    /** The messages this engine's {{t}} reads first (the tool's own, or the core's). */
    public MessageBundle bundle() { return own; }

    public String render(String template, Object model) {
      try {
        Template t = compiled.get(template);
        if (t == null) {
          t = handlebars.compile(template);
          compiled.putIfAbsent(template, t);
        }
        // The reader's language, school wording and zone, for the helpers without a lookup through the
        // template's context chain on every {{t}} (a nested render keeps the outer one's).
        Reading outer = READING.get();
        if (model instanceof Map<?, ?> m && m.get(LANGUAGE) instanceof String lang) {
          READING.set(new Reading(lang, m.get(OVERRIDES) instanceof Map<?, ?> o && !o.isEmpty() ? castOverrides(o) : null,
              m.get("timeZone") instanceof ZoneId z ? z : null));
        }
        try {
          return t.apply(model);
        } finally {
          READING.set(outer);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Template " + template + " could not be rendered: " + e.getMessage(), e);
      }
    }

    /**
     * Compiles the named templates now, so that a plugin whose template does not parse fails when it
     * starts, naming the file and line, rather than on the first page someone opens.
     */
    public void compileAll(java.util.Collection<String> names) {
      for (String name : names) {
        try {
          compiled.putIfAbsent(name, handlebars.compile(name));
        } catch (IOException | RuntimeException e) {
          throw new IllegalStateException("Template " + name + ".hbs does not compile: " + e.getMessage(), e);
        }
      }
    }
  }

  /** An engine whose {{t "key"}} looks in {@code own} (null: the core's only), then the core's messages. */
  public static Engine engine(ClassLoader loader, String folder, Messages messages, MessageBundle own) {
    return new Engine(loader, folder, messages, own);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> castOverrides(Map<?, ?> o) { return (Map<String, String>) o; }

  /** What the page being rendered on this thread is read in. */
  private record Reading(String language, Map<String, String> overrides, ZoneId zone) {}

  private static final ThreadLocal<Reading> READING = new ThreadLocal<>();

  private static String language(Options options) {
    Reading r = READING.get();
    if (r != null) return r.language();
    return options.get(LANGUAGE) instanceof String s ? s : "en";
  }

  private static Map<String, String> overrides(Options options) {
    Reading r = READING.get();
    if (r != null) return r.overrides();
    return options.get(OVERRIDES) instanceof Map<?, ?> o && !o.isEmpty() ? castOverrides(o) : null;
  }

  private static ZoneId zone(Options options) {
    Reading r = READING.get();
    if (r != null && r.zone() != null) return r.zone();
    return options.get("timeZone") instanceof ZoneId z ? z : ZoneId.systemDefault();
  }

  private static void registerHelpers(Handlebars h, Messages messages, MessageBundle own) {
    // {{t "key" name=value}}: words in the reader's language from the tool's bundle, then the core's.
    h.registerHelper("t", (Helper<Object>) (key, options) -> messages.format(own, language(options), String.valueOf(key), options.hash,
        overrides(options)));
    // {{langAttr lang}}: ' lang="pl"' (and dir for right-to-left scripts) on content written in another language.
    h.registerHelper("langAttr", (Helper<Object>) (value, options) -> new Handlebars.SafeString(
        org.courtyard.core.i18n.ContentLanguages.attributes(value == null ? null : String.valueOf(value))));
    // {{languageOptions lang}}: <option>s of the common home languages, each named in itself, the stored one selected.
    h.registerHelper("languageOptions", (Helper<Object>) (value, options) -> new Handlebars.SafeString(
        org.courtyard.core.i18n.ContentLanguages.options(value == null ? null : String.valueOf(value),
            messages.format(own, language(options), "content.language.page"))));
    // {{csrf}} writes the hidden form field with this session's token (the core puts csrfToken in every model).
    h.registerHelper("csrf", (Helper<Object>) (ctx, options) -> {
      Object token = options.get("csrfToken");
      return new Handlebars.SafeString("<input type=\"hidden\" name=\"_csrf\" value=\"" + Handlebars.Utils.escapeExpression(String.valueOf(token)) + "\">");
    });
    h.registerHelper("eq", (Helper<Object>) (a, options) -> {
      Object b = options.param(0, null);
      boolean same = Objects.equals(String.valueOf(a), String.valueOf(b));
      return options.tagType.inline() ? same : (same ? options.fn() : options.inverse());
    });
    h.registerHelper("date", (Helper<Object>) (value, options) -> {
      // In the school's zone (the core puts timeZone in every page's model), not the server's.
      if (value instanceof Instant i) return messages.dateTime(language(options), zone(options)).format(i);
      return value == null ? "" : value.toString();
    });
    h.registerHelper("plural", (Helper<Object>) (value, options) -> {
      long n = value instanceof Number num ? num.longValue() : 0;
      String one = options.param(0, "");
      String many = options.param(1, one + "s");
      return n + " " + (n == 1 ? one : many);
    });
    h.registerHelper("json", (Helper<Object>) (value, options) -> new Handlebars.SafeString(jsonString(String.valueOf(value))));
    h.registerHelper("selected", (Helper<Object>) (a, options) -> {
      Object b = options.param(0, null);
      return Objects.equals(String.valueOf(a), String.valueOf(b)) ? new Handlebars.SafeString(" selected") : "";
    });
    h.registerHelper("checked", (Helper<Object>) (a, options) ->
        Boolean.TRUE.equals(a) || "true".equals(String.valueOf(a)) ? new Handlebars.SafeString(" checked") : "");
  }

  static String jsonString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20 || c == '<' || c == '>' || c == '&') b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }

  private Renderer() {}

  /** Convenience for models built from several maps. */
  @SafeVarargs
  public static Map<String, Object> merge(Map<String, ?>... maps) {
    Map<String, Object> out = new java.util.HashMap<>();
    for (Map<String, ?> m : maps) out.putAll(m);
    return out;
  }
}
