package org.courtyard.api;

import java.util.List;
import java.util.Objects;

/**
 * A setting declared as data: the core renders the form, validates input and stores the value.
 * {@link Scope#SCHOOL} settings are set by the ICT leader; {@link Scope#SPACE} settings take the
 * school's value as their default and may be changed by each space's owner.
 */
public record Setting(String key, String label, Type type, String defaultValue, List<String> choices,
                      String help, Scope scope) {

  public enum Type { TEXT, CHOICE, FLAG, NUMBER }

  public enum Scope { SCHOOL, SPACE }

  public Setting {
    Objects.requireNonNull(key, "key");
    if (!key.matches("[a-z][a-z0-9-]*")) throw new IllegalArgumentException("setting key must be lower-case: " + key);
    choices = List.copyOf(choices);
    if (type == Type.CHOICE && !choices.contains(defaultValue)) {
      throw new IllegalArgumentException("default of " + key + " must be one of " + choices);
    }
  }

  public static Setting text(String key, String label, String defaultValue) {
    return new Setting(key, label, Type.TEXT, defaultValue, List.of(), "", Scope.SCHOOL);
  }

  public static Setting choice(String key, String label, String defaultValue, String... choices) {
    return new Setting(key, label, Type.CHOICE, defaultValue, List.of(choices), "", Scope.SCHOOL);
  }

  public static Setting flag(String key, String label, boolean defaultValue) {
    return new Setting(key, label, Type.FLAG, Boolean.toString(defaultValue), List.of(), "", Scope.SCHOOL);
  }

  public static Setting number(String key, String label, long defaultValue) {
    return new Setting(key, label, Type.NUMBER, Long.toString(defaultValue), List.of(), "", Scope.SCHOOL);
  }

  /** Lets each space's owner choose their own value. */
  public Setting perSpace() { return new Setting(key, label, type, defaultValue, choices, help, Scope.SPACE); }

  public Setting help(String text) { return new Setting(key, label, type, defaultValue, choices, text, scope); }

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
        if (!choices.contains(v)) throw new IllegalArgumentException(label + ": choose one of " + String.join(", ", choices));
        return v;
      default:
        if (v.length() > 2000) throw new IllegalArgumentException(label + ": at most 2000 characters");
        return v;
    }
  }
}
