package org.courtyard.api.web;

import java.util.HashMap;
import java.util.Map;

/**
 * A Handlebars template from the tool's jar ({@code templates/<name>.hbs}) and its model, rendered
 * inside the school's layout. The core adds to the model: {@code user}, {@code space}, {@code tool}
 * (the tool's base URL), {@code can} (the tool's capabilities this user holds, by local name) and
 * the {@code {{csrf}}} helper for forms. {@code {{x}}} escapes; user HTML must be sanitised first.
 */
public final class Page implements Reply {
  private final String template;
  private final Map<String, Object> model;
  private String title;
  private int status = 200;

  private Page(String template, Map<String, Object> model) {
    this.template = template;
    this.model = new HashMap<>(model);
  }

  public static Page of(String template, Map<String, ?> model) { return new Page(template, new HashMap<>(model)); }

  public static Page of(String template) { return new Page(template, Map.of()); }

  /** The page title, shown in the browser tab and the heading trail. */
  public Page title(String title) { this.title = title; return this; }

  /** e.g. 422 when a form is shown again with its errors. */
  public Page status(int status) { this.status = status; return this; }

  public Page with(String key, Object value) { model.put(key, value); return this; }

  public String template() { return template; }
  public Map<String, Object> model() { return model; }
  public String title() { return title; }
  public int status() { return status; }
}
