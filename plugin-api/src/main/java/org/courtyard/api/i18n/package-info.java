/**
 * Words in the reader's language: a tool's messages live in its jar as plain properties files (one per
 * language, ICU MessageFormat patterns with named arguments and plural rules), read with
 * {@link org.courtyard.api.web.ToolRequest#text(Message, Object...)} or the {@code {{t "key"}}} template helper.
 */
package org.courtyard.api.i18n;
