package org.courtyard.api.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one way a tool refuses what a person typed or chose: a message per field, in plain words. The
 * core answers 422 and changes nothing. With {@link #showing(Page)} the form is shown again with its
 * model plus {@code problems} (a list of {@code {field, message}}), {@code problem} (field → message)
 * and {@code submitted} (field → what was typed), so nothing the person wrote is lost; without, the
 * school's error page lists the messages and links back.
 *
 * <p>Any other exception from a handler is a fault in the tool: a 500 with a reference, the detail
 * only in the log. {@link HttpProblem} stays for answers that are not about a form (404, 403).
 *
 * @since 2.0.0
 */
public final class InputProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final Map<String, String> fields = new LinkedHashMap<>();
  private transient Page form;

  private InputProblem(String field, String message) {
    super(message);
    fields.put(field, message);
  }

  /** A problem with one field ({@code ""} for the form as a whole). */
  public static InputProblem of(String field, String message) { return new InputProblem(field, message); }

  /** Another field's problem, for forms checked as a whole. */
  public InputProblem and(String field, String message) { fields.putIfAbsent(field, message); return this; }

  /** The form to show again (its template and model), e.g. the page the GET route renders. */
  public InputProblem showing(Page form) { this.form = form; return this; }

  /** Field → message, in the order found. */
  public Map<String, String> fields() { return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields)); }

  /** The messages in order. */
  public java.util.List<String> messages() { return java.util.List.copyOf(fields.values()); }

  public Optional<Page> form() { return Optional.ofNullable(form); }

  /** Collects problems while checking a form, to throw them all at once. */
  public static final class Collector {
    private InputProblem problem;

    public Collector add(String field, String message) {
      if (problem == null) problem = InputProblem.of(field, message);
      else problem.and(field, message);
      return this;
    }

    public boolean any() { return problem != null; }

    /** Throws the problems found, shown on {@code form}; does nothing if there were none. */
    public void throwIfAny(Page form) {
      if (problem != null) throw problem.showing(form);
    }
  }
}
