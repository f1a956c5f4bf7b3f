package org.courtyard.api.web;

import java.util.List;
import java.util.Optional;
import org.courtyard.api.CapabilityKey;
import org.courtyard.api.Role;
import org.courtyard.api.Setting;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;

/** One request to a tool, after the core has found the user and the space and checked the capability. */
public interface ToolRequest extends org.courtyard.api.i18n.Texts {
  /** The signed-in user; for a visitor on an open capability's route, a guest with id 0. */
  UserRef user();

  /** False only for visitors on routes whose capability is open to everyone. */
  boolean signedIn();

  SpaceRef space();

  /** The user's role in this space, if any (a school admin may have none and still hold every capability). */
  Optional<Role> role();

  /** The tool's base URL in this space, e.g. {@code /s/year-3/hello}. */
  String toolUrl();

  /** A {@code :name} parameter from the route's path. */
  String pathParam(String name);

  /** A path parameter as a number; a 404 if it is not one. */
  long pathId(String name);

  Optional<String> query(String name);

  /** A submitted form field, trimmed; empty string if absent. */
  String form(String name);

  List<String> formAll(String name);

  List<Upload> uploads();

  /** Whether this user holds the tool's capability (local name) here. */
  boolean can(String capability);

  /**
   * The value of one of the tool's settings for this space (space value, else school value, else default).
   *
   * @deprecated since 2.0.0: declare the setting as a constant and read it typed with {@link #setting(Setting)}.
   */
  @Deprecated
  String setting(String key);

  /** One of the tool's settings for this space, typed (space value, else school value, else default). @since 2.0.0 */
  default <T> T setting(Setting<T> setting) { return setting.read(setting(setting.key())); }

  /**
   * The reader's language, as a BCP 47 tag ("en", "cy", "ar"): for formatting of the tool's own, or to
   * mark content written in it.
   *
   * @since 2.1.0
   */
  default String language() { return "en"; }

  /**
   * Words from the tool's messages (then the core's) in the reader's language, arguments given as name,
   * value, name, value...; a message the bundle lacks shows as {@code [key]}.
   *
   * @since 2.1.0
   */
  @Override
  default String text(org.courtyard.api.i18n.Message message, Object... namesAndValues) { return "[" + message.key() + "]"; }

  /** Whether this user holds the capability here. @since 2.0.0 */
  default boolean can(CapabilityKey capability) { return can(capability.name()); }

  /**
   * A required text field, at most {@code maxLength} characters; an {@link InputProblem} naming the
   * field by {@code label} otherwise.
   *
   * @since 2.0.0
   */
  default String formText(String name, String label, int maxLength) {
    String v = form(name);
    if (v.isEmpty()) throw InputProblem.of(name, text(org.courtyard.api.i18n.Message.of("input.empty"), "label", label));
    if (v.length() > maxLength) {
      throw InputProblem.of(name, text(org.courtyard.api.i18n.Message.of("input.tooLong"), "label", label, "max", maxLength, "length", v.length()));
    }
    return v;
  }

  /**
   * A whole number from a form field between {@code min} and {@code max}; an {@link InputProblem} naming
   * the field by {@code label} otherwise (never a {@code NumberFormatException}).
   *
   * @since 2.0.0
   */
  default long formNumber(String name, String label, long min, long max) {
    String v = form(name);
    long n;
    try {
      n = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw InputProblem.of(name, v.isEmpty() ? text(org.courtyard.api.i18n.Message.of("input.noNumber"), "label", label)
          : text(org.courtyard.api.i18n.Message.of("input.notNumber"), "label", label, "value", v));
    }
    if (n < min || n > max) throw InputProblem.of(name, text(org.courtyard.api.i18n.Message.of("input.range"), "label", label, "min", min, "max", max));
    return n;
  }

  /** A whole number from a form field, if one was given; an {@link InputProblem} if what was given is not one. @since 2.0.0 */
  default Optional<Long> formOptionalNumber(String name, String label, long min, long max) {
    return form(name).isEmpty() ? Optional.empty() : Optional.of(formNumber(name, label, min, max));
  }
}
