package org.courtyard.api;

import java.util.List;
import java.util.Objects;

/**
 * A setting declared as data: the core renders the form, validates input and stores the value; the
 * tool reads it back typed with {@code req.setting(SETTING)}. Declare each as a constant:
 * <pre>
 * static final Setting&lt;Long&gt; MAX_SIZE = Setting.number("max-size", "Largest picture (MB)", 10).perSpace();
 * ...
 * long mb = req.setting(MAX_SIZE);
 * </pre>
 * {@link Scope#SCHOOL} settings are set by the ICT leader; {@link Scope#SPACE} settings take the
 * school's value as their default and may be changed by each space's owner.
 *
 * @param <T> what {@link #read} gives: {@code String}, {@code Long} or {@code Boolean}
 */
public record Setting<T>(String key, String label, Type type, String defaultValue, List<Choice> choices,
                         String help, Scope scope) {

  public enum Type { TEXT, CHOICE, FLAG, NUMBER }

  public enum Scope { SCHOOL, SPACE }

  /** One of a choice setting's values, with the words shown for it. @since 2.0.0 */
  public record Choice(String value, String label) {
    public Choice {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(label, "label");
    }

    public static Choice of(String value, String label) { return new Choice(value, label); }
  }

  public Setting {
    Objects.requireNonNull(key, "key");
    if (!key.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("setting key must be lower-case: " + key);
    choices = List.copyOf(choices);
    if (type == Type.CHOICE && choices.stream().noneMatch(c -> c.value().equals(defaultValue))) {
      throw new IllegalArgumentException("default of " + key + " must be one of " + values(choices));
    }
  }

  public static Setting<String> text(String key, String label, String defaultValue) {
    return new Setting<>(key, label, Type.TEXT, defaultValue, List.of(), "", Scope.SCHOOL);
  }

  /** A choice whose values are shown as they are. */
  public static Setting<String> choice(String key, String label, String defaultValue, String... choices) {
    return new Setting<>(key, label, Type.CHOICE, defaultValue, java.util.Arrays.stream(choices).map(c -> new Choice(c, c)).toList(), "", Scope.SCHOOL);
  }

  /** A choice with words for each value, e.g. {@code Choice.of("pre", "Check posts before they appear")}. @since 2.0.0 */
  public static Setting<String> choice(String key, String label, String defaultValue, Choice... choices) {
    return new Setting<>(key, label, Type.CHOICE, defaultValue, List.of(choices), "", Scope.SCHOOL);
  }

  public static Setting<Boolean> flag(String key, String label, boolean defaultValue) {
    return new Setting<>(key, label, Type.FLAG, Boolean.toString(defaultValue), List.of(), "", Scope.SCHOOL);
  }

  public static Setting<Long> number(String key, String label, long defaultValue) {
    return new Setting<>(key, label, Type.NUMBER, Long.toString(defaultValue), List.of(), "", Scope.SCHOOL);
  }

  /** Lets each space's owner choose their own value. */
  public Setting<T> perSpace() { return new Setting<>(key, label, type, defaultValue, choices, help, Scope.SPACE); }

  public Setting<T> help(String text) { return new Setting<>(key, label, type, defaultValue, choices, text, scope); }

  /** The choices' values. */
  public List<String> values() { return values(choices); }

  private static List<String> values(List<Choice> choices) { return choices.stream().map(Choice::value).toList(); }

  /** A stored value (or the default, when nothing valid is stored) as the setting's type. @since 2.0.0 */
  @SuppressWarnings("unchecked")
  public T read(String stored) {
    String v;
    try {
      v = validate(stored);
    } catch (IllegalArgumentException e) {
      v = defaultValue;
    }
    return (T) switch (type) {
      case FLAG -> Boolean.valueOf(v);
      case NUMBER -> Long.valueOf(v);
      default -> v;
    };
  }

  /** Checks a submitted value; returns the value to store, or throws with a message for the form. */
  public String validate(String raw) {
    String v = raw == null ? "" : raw.trim();
    switch (type) {
      case FLAG:
        return Boolean.toString("true".equals(v) || "on".equals(v));
      case NUMBER:
        try {
          return Long.toString(Long.parseLong(v));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(label + ": enter a whole number");
        }
      case CHOICE:
        if (!values().contains(v)) {
          throw new IllegalArgumentException(label + ": choose one of " + String.join(", ", choices.stream().map(Choice::label).toList()));
        }
        return v;
      default:
        if (v.length() > 2000) throw new IllegalArgumentException(label + ": at most 2000 characters");
        return v;
    }
  }
}
