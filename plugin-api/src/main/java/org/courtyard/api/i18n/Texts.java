package org.courtyard.api.i18n;

/**
 * Words from a plugin's messages in the language of whoever will read them. The core hands one to code
 * that writes for a reader outside a request: an importer's problems (for the ICT leader importing),
 * a subject access download (for the person it is about). {@link org.courtyard.api.web.ToolRequest} is
 * one too, in the reader's language.
 * <pre>
 * throw new RosterException(texts.text(NO_HEADER, "file", originalName));
 * </pre>
 *
 * @since 2.1.0
 */
@FunctionalInterface
public interface Texts {
  /** The message in the reader's language, arguments as name, value, name, value...; {@code [key]} if no bundle has it. */
  String text(Message message, Object... namesAndValues);
}
