package org.courtyard.core.plugins;

import org.courtyard.core.i18n.Words;

/**
 * A plugin file or release that will not be installed; {@link #words()} say why, in words an ICT leader
 * can act on, put into their language where shown ({@link #getMessage()} is the English, for the log,
 * the audit log and the command line).
 */
public final class PluginRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Words words;

  public PluginRefused(Words words) {
    super(words.key());
    this.words = words;
  }

  /** The words of {@code key} (in core-admin*.properties), arguments as name, value... */
  public PluginRefused(String key, Object... namesAndValues) { this(Words.of(key, namesAndValues)); }

  public Words words() { return words; }

  @Override
  public String getMessage() { return words == null ? super.getMessage() : words.english(); }
}
