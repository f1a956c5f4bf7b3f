package org.courtyard.testkit;

import org.courtyard.api.i18n.Texts;
import org.courtyard.core.i18n.MessageBundle;
import org.courtyard.core.i18n.Messages;

/**
 * A plugin's messages in one language, read from the module under test as the core reads them from its
 * jar: for calling code that takes {@link Texts} (an importer's {@code parse}) directly in a unit test.
 * <pre>
 * Roster r = new CsvClassListImporter().parse(file, "classes.csv", TestTexts.of("mis-csv", "cy"));
 * </pre>
 */
public final class TestTexts {
  private static final Messages CORE = new Messages();

  private TestTexts() {}

  /** {@code owner}'s messages ({@code messages/<owner>*.properties} on the test's class path), then the core's, in {@code language}. */
  public static Texts of(String owner, String language) {
    MessageBundle bundle = MessageBundle.load(Thread.currentThread().getContextClassLoader(), owner);
    return (message, namesAndValues) -> CORE.format(bundle, language, message.key(), namesAndValues);
  }

  /** The same in English. */
  public static Texts english(String owner) { return of(owner, "en"); }
}
