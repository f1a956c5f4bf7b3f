package org.courtyard.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.courtyard.core.i18n.MessageCheck;

/**
 * A tool's messages, checked from its sources as a test: every key its templates and code use has
 * English words, the languages named have every key, and no template writes words a reader sees
 * instead of taking them from messages.
 * <pre>
 * &#64;Test void everyWordIsInMessages() { BundleCheck.assertComplete("hello", "cy"); }
 * </pre>
 */
public final class BundleCheck {
  private BundleCheck() {}

  /** Reads {@code src/main/resources} (templates, messages/&lt;owner&gt;*.properties) and {@code src/main/java} of the module under test. */
  public static void assertComplete(String owner, String... languages) {
    MessageCheck.Report r;
    try {
      r = MessageCheck.checkSources(owner, Path.of("src/main/resources"), Path.of("src/main/java"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<String> problems = new ArrayList<>();
    if (!r.missingInEnglish().isEmpty()) problems.add("used but missing in English: " + r.missingInEnglish());
    for (String l : languages) {
      Set<String> lacks = r.missingByLanguage().getOrDefault(l, Set.of());
      if (!lacks.isEmpty()) problems.add(l + " lacks " + lacks);
    }
    if (!r.bareText().isEmpty()) problems.add("words written into templates instead of messages: " + r.bareText());
    if (!problems.isEmpty()) throw new AssertionError(owner + "'s messages: " + String.join("; ", problems));
  }

  /**
   * The words of the pages parents read ({@code messages/<owner>.parents}: keys or prefixes, one a line)
   * are in each language named; the file must name some.
   */
  public static void assertParentsPages(String owner, String... languages) {
    MessageCheck.Report r = report(owner);
    if (r.parentsKeys().isEmpty()) throw new AssertionError(owner + " names no parents' pages in messages/" + owner + ".parents");
    List<String> problems = new ArrayList<>();
    for (String l : languages) {
      Set<String> lacks = r.missingForParents(l);
      if (!lacks.isEmpty()) problems.add(l + " lacks " + lacks);
    }
    if (!problems.isEmpty()) throw new AssertionError(owner + "'s parents' pages: " + String.join("; ", problems));
  }

  private static MessageCheck.Report report(String owner) {
    try {
      return MessageCheck.checkSources(owner, Path.of("src/main/resources"), Path.of("src/main/java"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
