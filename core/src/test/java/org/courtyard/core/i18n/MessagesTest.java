package org.courtyard.core.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.ibm.icu.text.MessageFormat;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The core's messages: plural rules per language, fallbacks, and a bundle with nothing missing or stray. */
class MessagesTest {
  static final String CATS = "{count, plural, zero {# cathod} one {# gath} two {# gath} few {# chath} many {# chath} other {# cath}}";

  /**
   * Core templates whose words are not yet in messages: each still has some (so this list only shrinks),
   * and every other template has none.
   */
  static final Set<String> NOT_YET_MESSAGES = Set.of();

  static MessageBundle coreBundle() throws Exception {
    try (URLClassLoader l = new URLClassLoader(new URL[] {Path.of("src/main/resources").toUri().toURL()}, null)) {
      return MessageBundle.load(l, "core", MessageBundle.CORE_PARTS);
    }
  }

  @Test
  void welshAndArabicCountTheirOwnWay() {
    Messages m = new Messages(MessageBundle.of("t", Map.of("cy", Map.of("cats", CATS), "en", Map.of("cats", "{count, plural, one {# cat} other {# cats}}"),
        "ar", Map.of("cats", "{count, plural, zero {لا قطط} one {قطة واحدة} two {قطتان} few {# قطط} many {# قطة} other {# قطة}}"))));
    assertEquals("1 gath", m.format(null, "cy", "cats", "count", 1));
    assertEquals("2 gath", m.format(null, "cy", "cats", "count", 2));
    assertEquals("3 chath", m.format(null, "cy", "cats", "count", 3));
    assertEquals("6 chath", m.format(null, "cy", "cats", "count", 6));
    assertEquals("0 cathod", m.format(null, "cy", "cats", "count", 0));
    assertEquals("قطتان", m.format(null, "ar", "cats", "count", 2));
    assertEquals("2 cats", m.format(null, "pl", "cats", "count", 2), "a language without the message falls back to English");
    assertEquals("[no.such.key]", m.format(null, "cy", "no.such.key"), "a missing key is visible, not blank");
  }

  @Test
  void anApostropheReadsTheSameWithOrWithoutArguments() {
    Messages m = new Messages(MessageBundle.of("t", Map.of("cy", Map.of("plain", "Gofynnwch i''ch athro.", "single", "Gofynnwch i'ch athro.",
        "named", "Mae {space} wedi''i archifo."))));
    assertEquals("Gofynnwch i'ch athro.", m.format(null, "cy", "plain"), "'' is one apostrophe in words with no arguments too");
    assertEquals("Gofynnwch i'ch athro.", m.format(null, "cy", "single"));
    assertEquals("Mae 5 Oak wedi'i archifo.", m.format(null, "cy", "named", "space", "5 Oak"));
  }

  @Test
  void thePluginApisFileReadersSpeakTheReadersLanguage() throws Exception {
    MessageCheck.Report r = MessageCheck.checkSources("plugin-api", Path.of("../plugin-api/src/main/resources"), Path.of("../plugin-api/src/main/java"));
    // Its other keys are the core's (input.*, for ToolRequest's refusals) or examples in its documentation.
    assertEquals(Set.of(), r.missingInEnglish().stream().filter(k -> k.startsWith("roster.")).collect(java.util.stream.Collectors.toSet()),
        "keys the plugin API's readers use that English lacks");
    assertEquals(Set.of(), r.missingByLanguage().get("cy"), "Welsh lacks");
    assertEquals(Set.of(), r.unused(), "keys nothing uses");
    Messages m = new Messages();
    assertEquals("Mae roll.csv yn wag.", m.format(null, "cy", "roster.csv.empty", "file", "roll.csv"), "the core reads the API's words as its own");
    assertEquals("roll.csv lists 50,001 learners; one import takes at most 50,000. Export it again in parts.",
        m.format(null, "en", "roster.limits.tooMany", "file", "roll.csv", "count", 50_001, "what", "learners", "max", 50_000));
  }

  @Test
  void importConsequencesJoinOnlyWhatHappens() {
    Messages m = new Messages();
    assertEquals("switch off this account", m.format(null, "en", "import.consequences", "offs", 1, "archives", 0));
    assertEquals("archive these 2 classes", m.format(null, "en", "import.consequences", "offs", 0, "archives", 2));
    assertEquals("switch off these 3 accounts and archive this class", m.format(null, "en", "import.consequences", "offs", 3, "archives", 1));
    assertEquals("diffodd y cyfrif hwn ac archifo'r 2 dosbarth hyn", m.format(null, "cy", "import.consequences", "offs", 1, "archives", 2));
  }

  @Test
  void theCoreBundleHasEveryKeyItUsesAndNoStrayOnes() throws Exception {
    MessageCheck.Report r = MessageCheck.checkSources("core", Path.of("src/main/resources"), Path.of("src/main/java"));
    assertEquals(Set.of(), r.missingInEnglish(), "keys the core uses that English lacks");
    MessageBundle b = coreBundle();
    for (Language l : Language.SHIPPED) {
      Set<String> stray = new TreeSet<>(b.keys(l.code()));
      stray.removeAll(b.keys("en"));
      assertEquals(Set.of(), stray, l.code() + " has keys English has not (a typo, or a message removed)");
      for (String key : b.keys(l.code())) {
        String pattern = b.pattern(l.code(), key);
        try {
          new MessageFormat(pattern, l.locale());
        } catch (IllegalArgumentException e) {
          throw new AssertionError(l.code() + " " + key + " is not a valid message pattern: " + pattern, e);
        }
      }
    }
  }

  @Test
  void welshHasEveryWordOfTheCoreAndTheParentsPagesAreInPolishUrduAndArabic() throws Exception {
    MessageCheck.Report r = MessageCheck.checkSources("core", Path.of("src/main/resources"), Path.of("src/main/java"));
    assertEquals(Set.of(), r.missingByLanguage().get("cy"), "Welsh lacks");
    assertTrue(r.parentsKeys().contains("home.hello") && r.parentsKeys().contains("privacy.record.child"), "core.parents names the parents' pages");
    assertFalse(r.parentsKeys().stream().anyMatch(k -> k.startsWith("admin.")), "not the school admin's pages");
    for (String lang : List.of("pl", "ur", "ar")) assertEquals(Set.of(), r.missingForParents(lang), lang + " lacks words of the parents' pages");
  }

  @Test
  void templatesTakeTheirWordsFromMessages() throws Exception {
    MessageCheck.Report r = MessageCheck.checkSources("core", Path.of("src/main/resources"), null);
    List<String> bare = new ArrayList<>();
    for (String b : r.bareText()) if (!NOT_YET_MESSAGES.contains(b.substring(0, b.indexOf(':')))) bare.add(b);
    assertEquals(List.of(), bare, "words written into templates instead of messages");
    for (String pending : NOT_YET_MESSAGES) {
      assertTrue(r.bareText().stream().anyMatch(b -> b.startsWith(pending + ":")), pending + " has no bare words left: take it off NOT_YET_MESSAGES");
    }
  }

  @Test
  void bareTextIsFoundInTextAndInAttributesPeopleRead() {
    assertEquals(List.of("alt=\"A cat\"", "Hello"), MessageCheck.bareText("<p>{{t \"x\"}}</p><img alt=\"A cat\" src=\"a.png\"><b>Hello</b> {{name}} &middot;"));
    assertEquals(List.of(), MessageCheck.bareText("<p>{{t \"a\"}} · {{count}}</p>{{!-- a comment --}}<script src=\"/x.js\"></script>"));
  }
}
