package org.courtyard.plugins.quiz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.i18n.Texts;
import org.courtyard.api.roster.RosterException;
import org.courtyard.api.roster.SafeXml;
import org.courtyard.api.roster.SafeZip;
import org.courtyard.api.web.ContentTypes;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads IMS QTI 2.1 items (a content package, or one item file) into draft questions. Every item is
 * read before anything is saved: the caller gets either all the questions or every problem, named by
 * file, and imports nothing from a package with a broken item. XML is parsed with DOCTYPEs refused
 * (no external entities) and zips are unpacked with limits on size, count and paths. The problems are
 * in the words of the teacher importing (their request is the {@link Texts}).
 */
final class QtiReader {
  static final long MAX_PACKAGE = 100L * 1024 * 1024;
  static final int MAX_FILES = 2_000;
  /** Items in one package: a bank is built a few at a time, and every item becomes a question at once. */
  static final int MAX_ITEMS = 500;
  /** One item file: a question at the editor's limits is well under 200 KB of XML, however it is written. */
  static final long MAX_ITEM_BYTES = 2L * 1024 * 1024;
  static final long MAX_MANIFEST_BYTES = 5L * 1024 * 1024;
  private static final Set<String> SUPPORTED = Set.of("choiceInteraction", "textEntryInteraction", "extendedTextInteraction", "matchInteraction", "orderInteraction");
  private static final Set<String> BLOCKS = Set.of("p", "div", "blockquote", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "tr", "ul", "ol");
  static final String MANIFEST = "imsmanifest.xml";
  // What is wrong with a package or an item: "{file}: {problem}", each in messages/quiz*.properties.
  static final Message IN_FILE = Message.of("quiz.qti.inFile");
  static final Message THE_FILE = Message.of("quiz.qti.theFile");
  static final Message CANNOT_OPEN = Message.of("quiz.qti.cannotOpen");
  static final Message MANIFEST_TOO_BIG = Message.of("quiz.qti.manifestTooBig");
  static final Message NOT_LISTED = Message.of("quiz.qti.notListed");
  static final Message NO_ITEMS = Message.of("quiz.qti.noItems");
  static final Message TOO_MANY_ITEMS = Message.of("quiz.qti.tooManyItems");
  static final Message ITEM_TOO_BIG = Message.of("quiz.qti.itemTooBig");
  static final Message NOT_ITEM = Message.of("quiz.qti.notItem");
  static final Message NO_BODY = Message.of("quiz.qti.noBody");
  static final Message NO_INTERACTION = Message.of("quiz.qti.noInteraction");
  static final Message UNSUPPORTED = Message.of("quiz.qti.unsupported");
  static final Message MIXED = Message.of("quiz.qti.mixed");
  static final Message TWO_CHOICE_INTERACTIONS = Message.of("quiz.qti.twoChoiceInteractions");
  static final Message FEW_CHOICES = Message.of("quiz.qti.fewChoices");
  static final Message NO_CORRECT = Message.of("quiz.qti.noCorrect");
  static final Message NO_SUCH_CHOICE = Message.of("quiz.qti.noSuchChoice");
  static final Message EMPTY_CHOICE = Message.of("quiz.qti.emptyChoice");
  static final Message GAP_PARAGRAPHS = Message.of("quiz.qti.gapParagraphs");
  static final Message NO_NUMBER = Message.of("quiz.qti.noNumber");
  static final Message NOT_NUMBER = Message.of("quiz.qti.notNumber");
  static final Message NO_ACCEPTED = Message.of("quiz.qti.noAccepted");
  static final Message NOT_TWO_SETS = Message.of("quiz.qti.notTwoSets");
  static final Message BAD_PAIR = Message.of("quiz.qti.badPair");
  static final Message MATCHES_TWICE = Message.of("quiz.qti.matchesTwice");
  static final Message UNMATCHED = Message.of("quiz.qti.unmatched");
  static final Message SAME_OPTION = Message.of("quiz.qti.sameOption");
  static final Message FEW_PAIRS = Message.of("quiz.qti.fewPairs");
  static final Message BAD_ORDER = Message.of("quiz.qti.badOrder");
  static final Message FEW_ITEMS = Message.of("quiz.qti.fewItems");
  static final Message NO_TEXT = Message.of("quiz.qti.noText");
  static final Message OVER_LIMITS = Message.of("quiz.qti.overLimits");
  static final Message MEDIA_NEEDS_ZIP = Message.of("quiz.qti.mediaNeedsZip");
  static final Message MEDIA_MISSING = Message.of("quiz.qti.mediaMissing");
  static final Message NOT_PICTURE = Message.of("quiz.qti.notPicture");
  static final Message NOT_SOUND = Message.of("quiz.qti.notSound");
  static final Message UNDECLARED = Message.of("quiz.qti.undeclared");
  static final Message GAP_NO_ANSWER = Message.of("quiz.qti.gapNoAnswer");
  static final Message GAP_BRACKETS = Message.of("quiz.qti.gapBrackets");

  /** A question read from the package, with its picture and sound files (inside the unpacked package). */
  record Imported(String file, Question draft, Path image, Path audio) {}

  record Outcome(List<Imported> questions, List<String> problems) {}

  private QtiReader() {}

  /** Reads an uploaded package (zip) or single item (XML), unpacking into {@code work}; problems in {@code texts}' words. */
  static Outcome read(Path upload, Path work, Texts texts) throws IOException {
    List<String> problems = new ArrayList<>();
    List<Imported> out = new ArrayList<>();
    Map<String, Path> items = new LinkedHashMap<>();
    if (SafeZip.looksLikeZip(upload)) {
      try {
        SafeZip.extract(upload, work, MAX_PACKAGE, MAX_FILES, texts);
      } catch (RosterException e) {
        return new Outcome(List.of(), List.of(texts.text(CANNOT_OPEN, "reason", e.getMessage())));
      }
      Path manifest = work.resolve(MANIFEST);
      if (Files.isRegularFile(manifest)) {
        if (Files.size(manifest) > MAX_MANIFEST_BYTES) {
          return new Outcome(List.of(), List.of(inFile(texts, MANIFEST, texts.text(MANIFEST_TOO_BIG, "max", MAX_ITEMS))));
        }
        try {
          Document m = parse(manifest, texts);
          for (Element r : descendants(m.getDocumentElement(), "resource")) {
            String type = r.getAttribute("type");
            if (!type.startsWith("imsqti_item_xmlv2p")) continue;
            String href = r.getAttribute("href");
            Path p = inside(work, work, href);
            if (p == null || !Files.isRegularFile(p)) problems.add(inFile(texts, MANIFEST, texts.text(NOT_LISTED, "href", href)));
            else items.put(href, p);
          }
        } catch (RosterException e) {
          return new Outcome(List.of(), List.of(inFile(texts, MANIFEST, e.getMessage())));
        }
      } else {
        try (Stream<Path> all = Files.walk(work)) {
          for (Path p : all.filter(f -> f.toString().toLowerCase(Locale.ROOT).endsWith(".xml")).sorted().toList()) {
            items.put(work.relativize(p).toString().replace('\\', '/'), p);
          }
        }
      }
    } else {
      items.put(texts.text(THE_FILE), upload);
    }
    if (items.isEmpty() && problems.isEmpty()) problems.add(texts.text(NO_ITEMS));
    if (items.size() > MAX_ITEMS) {
      return new Outcome(List.of(), List.of(texts.text(TOO_MANY_ITEMS, "count", items.size(), "max", MAX_ITEMS)));
    }
    for (var e : items.entrySet()) {
      try {
        if (Files.size(e.getValue()) > MAX_ITEM_BYTES) {
          problems.add(inFile(texts, e.getKey(), texts.text(ITEM_TOO_BIG)));
          continue;
        }
        Document d = parse(e.getValue(), texts);
        Element root = d.getDocumentElement();
        if (!"assessmentItem".equals(local(root))) {
          if (items.size() == 1 || !SafeZip.looksLikeZip(upload)) problems.add(inFile(texts, e.getKey(), texts.text(NOT_ITEM)));
          continue;
        }
        out.add(item(e.getKey(), root, SafeZip.looksLikeZip(upload) ? work : null, e.getValue().getParent(), texts));
      } catch (RosterException ex) {
        problems.add(inFile(texts, e.getKey(), ex.getMessage()));
      } catch (ItemProblem ex) {
        problems.add(inFile(texts, e.getKey(), ex.in(texts)));
      }
    }
    if (out.isEmpty() && problems.isEmpty()) problems.add(texts.text(NO_ITEMS));
    return new Outcome(problems.isEmpty() ? out : List.of(), problems);
  }

  /** "file.xml: what is wrong with it". */
  private static String inFile(Texts texts, String file, String problem) { return texts.text(IN_FILE, "file", file, "problem", problem); }

  /** A problem with one item, reported with its file name: a message and its arguments, worded for the reader. */
  static final class ItemProblem extends Exception {
    private static final long serialVersionUID = 1L;
    private final Message words;
    private final Object[] args;

    ItemProblem(Message words, Object... args) {
      super(words.key(), null, false, false);
      this.words = words;
      this.args = args;
    }

    String in(Texts texts) { return texts.text(words, args); }
  }

  /** A safely parsed XML file; a refusal (a DOCTYPE, not well-formed) in the words of {@code texts}. */
  private static Document parse(Path file, Texts texts) throws RosterException, IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return SafeXml.parse(in, texts);
    }
  }

  static Imported item(String file, Element root, Path packageRoot, Path folder, Texts texts) throws ItemProblem {
    String title = root.getAttribute("title").trim();
    Element body = first(root, "itemBody");
    if (body == null) throw new ItemProblem(NO_BODY);
    Map<String, Element> declarations = new HashMap<>();
    for (Element d : children(root, "responseDeclaration")) declarations.put(d.getAttribute("identifier"), d);
    List<Element> interactions = new ArrayList<>();
    collectInteractions(body, interactions);
    if (interactions.isEmpty()) throw new ItemProblem(NO_INTERACTION);
    for (Element i : interactions) {
      if (!SUPPORTED.contains(local(i))) throw new ItemProblem(UNSUPPORTED, "interaction", local(i));
    }
    String kind = local(interactions.get(0));
    if (interactions.stream().anyMatch(i -> !local(i).equals(kind))) throw new ItemProblem(MIXED);
    double points = maxScore(root);
    String feedback = null;
    Element modal = first(root, "modalFeedback");
    if (modal != null) feedback = text(modal).trim();

    QuestionType type;
    List<Question.Choice> choices = new ArrayList<>();
    String prompt;
    boolean caseSensitive = false;
    Double number = null;
    Double tolerance = null;
    String gapText = null;
    Element interaction = interactions.get(0);
    switch (kind) {
      case "choiceInteraction" -> {
        if (interactions.size() > 1) throw new ItemProblem(TWO_CHOICE_INTERACTIONS);
        Element decl = declaration(declarations, interaction);
        List<String> correct = values(first(decl, "correctResponse"));
        List<Element> simple = children(interaction, "simpleChoice");
        if (simple.size() < 2) throw new ItemProblem(FEW_CHOICES);
        if (correct.isEmpty()) throw new ItemProblem(NO_CORRECT);
        List<String> ids = simple.stream().map(s -> s.getAttribute("identifier")).toList();
        for (String c : correct) if (!ids.contains(c)) throw new ItemProblem(NO_SUCH_CHOICE, "choice", c);
        boolean trueFalse = simple.size() == 2 && ids.get(0).equalsIgnoreCase("true") && ids.get(1).equalsIgnoreCase("false") && correct.size() == 1;
        int max = intAttr(interaction, "maxChoices", 1);
        type = trueFalse ? QuestionType.TRUE_FALSE : max == 1 && correct.size() == 1 ? QuestionType.SINGLE : QuestionType.MULTIPLE;
        for (Element s : simple) {
          String t = trueFalse ? (s.getAttribute("identifier").equalsIgnoreCase("true") ? "True" : "False") : text(s).trim();
          if (t.isEmpty()) throw new ItemProblem(EMPTY_CHOICE);
          choices.add(new Question.Choice(t, correct.contains(s.getAttribute("identifier")), null));
        }
        prompt = promptOf(body, interaction);
      }
      case "textEntryInteraction" -> {
        Element holder = blockOf(interaction, body);
        boolean gaps = interactions.size() > 1 || !text(holder, true).isBlank() || !"RESPONSE".equals(interaction.getAttribute("responseIdentifier"));
        if (gaps) {
          type = QuestionType.GAPS;
          List<Gaps.Part> parts = new ArrayList<>();
          Element gapHolder = blockOf(interactions.get(0), body);
          for (Element i : interactions) {
            if (blockOf(i, body) != gapHolder) throw new ItemProblem(GAP_PARAGRAPHS);
          }
          for (Node n = gapHolder.getFirstChild(); n != null; n = n.getNextSibling()) gapParts(n, declarations, parts);
          gapText = Gaps.join(parts).trim();
          caseSensitive = declarations.values().stream().anyMatch(QtiReader::caseSensitive);
          prompt = textExcept(body, gapHolder).trim();
        } else {
          Element decl = declaration(declarations, interaction);
          String base = decl.getAttribute("baseType");
          prompt = textExcept(body, holder).trim();
          if (base.equals("float") || base.equals("integer")) {
            type = QuestionType.NUMERIC;
            List<String> v = values(first(decl, "correctResponse"));
            if (v.isEmpty()) throw new ItemProblem(NO_NUMBER);
            number = Marking.number(v.get(0));
            if (number == null) throw new ItemProblem(NOT_NUMBER, "value", v.get(0));
            tolerance = tolerance(root);
          } else {
            type = QuestionType.SHORT_TEXT;
            List<String> accepted = accepted(decl);
            if (accepted.isEmpty()) throw new ItemProblem(NO_ACCEPTED);
            accepted.forEach(a -> choices.add(new Question.Choice(a, true, null)));
            caseSensitive = caseSensitive(decl);
          }
        }
      }
      case "extendedTextInteraction" -> {
        type = QuestionType.FREE_TEXT;
        prompt = promptOf(body, interaction);
      }
      case "matchInteraction" -> {
        type = QuestionType.MATCHING;
        List<Element> sets = children(interaction, "simpleMatchSet");
        if (sets.size() != 2) throw new ItemProblem(NOT_TWO_SETS);
        Map<String, String> left = new LinkedHashMap<>();
        Map<String, String> right = new LinkedHashMap<>();
        for (Element e : children(sets.get(0), "simpleAssociableChoice")) left.put(e.getAttribute("identifier"), text(e).trim());
        for (Element e : children(sets.get(1), "simpleAssociableChoice")) right.put(e.getAttribute("identifier"), text(e).trim());
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String v : values(first(declaration(declarations, interaction), "correctResponse"))) {
          String[] lr = v.trim().split("\\s+");
          if (lr.length != 2 || !left.containsKey(lr[0]) || !right.containsKey(lr[1])) throw new ItemProblem(BAD_PAIR, "value", v);
          if (pairs.put(lr[0], lr[1]) != null) throw new ItemProblem(MATCHES_TWICE, "item", left.get(lr[0]));
        }
        if (pairs.size() != left.size()) throw new ItemProblem(UNMATCHED);
        if (pairs.values().stream().distinct().count() != pairs.size()) throw new ItemProblem(SAME_OPTION);
        for (var p : pairs.entrySet()) choices.add(new Question.Choice(left.get(p.getKey()), false, right.get(p.getValue())));
        for (var r : right.entrySet()) if (!pairs.containsValue(r.getKey())) choices.add(new Question.Choice("", false, r.getValue()));
        if (pairs.size() < 2) throw new ItemProblem(FEW_PAIRS);
        prompt = promptOf(body, interaction);
      }
      default -> {
        type = QuestionType.ORDERING;
        Map<String, String> items = new LinkedHashMap<>();
        for (Element e : children(interaction, "simpleChoice")) items.put(e.getAttribute("identifier"), text(e).trim());
        List<String> order = values(first(declaration(declarations, interaction), "correctResponse"));
        if (order.size() != items.size() || !items.keySet().containsAll(order)) throw new ItemProblem(BAD_ORDER);
        if (items.size() < 2) throw new ItemProblem(FEW_ITEMS);
        for (String id : order) choices.add(new Question.Choice(items.get(id), false, null));
        prompt = promptOf(body, interaction);
      }
    }
    if (prompt.isBlank()) prompt = type == QuestionType.GAPS ? texts.text(QuestionForm.GAPS_PROMPT) : title;
    if (prompt.isBlank()) throw new ItemProblem(NO_TEXT);
    if (title.isEmpty()) title = prompt.length() > 80 ? prompt.substring(0, 79) + "…" : prompt;
    if (title.length() > 200) title = title.substring(0, 199) + "…";
    Path image = null;
    Path audio = null;
    for (Element img : descendants(body, "img")) {
      image = media(file, packageRoot, folder, img.getAttribute("src"), true);
      break;
    }
    for (Element obj : descendants(body, "object")) {
      audio = media(file, packageRoot, folder, obj.getAttribute("data"), false);
      break;
    }
    Question draft = new Question(0, 0, null, null, type, title, prompt, points, caseSensitive, number, tolerance, gapText, feedback, null, null, List.copyOf(choices));
    // The bank's own editor could not make a bigger question, so an import cannot either.
    List<String> over = QuestionForm.overLimits(draft, texts);
    if (!over.isEmpty()) throw new ItemProblem(OVER_LIMITS, "problems", String.join(" ", over));
    return new Imported(file, draft, image, audio);
  }

  private static Path media(String file, Path packageRoot, Path folder, String href, boolean image) throws ItemProblem {
    if (href == null || href.isBlank()) return null;
    if (packageRoot == null) throw new ItemProblem(MEDIA_NEEDS_ZIP, "href", href);
    Path p = inside(packageRoot, folder, href);
    if (p == null || !Files.isRegularFile(p)) throw new ItemProblem(MEDIA_MISSING, "href", href);
    String type = ContentTypes.sniff(p);
    if (image ? !ContentTypes.isImage(type) : !ContentTypes.isAudio(type)) {
      throw new ItemProblem(image ? NOT_PICTURE : NOT_SOUND, "href", href);
    }
    return p;
  }

  /** A package path resolved against a folder, or null if it would leave the package. */
  static Path inside(Path root, Path folder, String href) {
    if (href.contains("://") || href.startsWith("/") || href.contains("\\")) return null;
    Path p = folder.resolve(java.net.URLDecoder.decode(href, java.nio.charset.StandardCharsets.UTF_8)).normalize();
    return p.startsWith(root.normalize()) ? p : null;
  }

  private static double maxScore(Element root) {
    for (Element o : children(root, "outcomeDeclaration")) {
      if (!"MAXSCORE".equals(o.getAttribute("identifier"))) continue;
      List<String> v = values(first(o, "defaultValue"));
      if (!v.isEmpty()) {
        Double d = Marking.number(v.get(0));
        if (d != null && d > 0 && d <= 100) return d;
      }
    }
    return 1;
  }

  private static Double tolerance(Element root) {
    for (Element eq : descendants(root, "equal")) {
      String t = eq.getAttribute("tolerance").trim();
      if (!t.isEmpty()) {
        Double d = Marking.number(t.split("\\s+")[0]);
        if (d != null && d >= 0) return d;
      }
    }
    return 0.0;
  }

  private static Element declaration(Map<String, Element> declarations, Element interaction) throws ItemProblem {
    Element d = declarations.get(interaction.getAttribute("responseIdentifier"));
    if (d == null) throw new ItemProblem(UNDECLARED, "response", interaction.getAttribute("responseIdentifier"));
    return d;
  }

  /** Accepted answers: the mapping's keys, else the correct response. */
  private static List<String> accepted(Element decl) {
    List<String> out = new ArrayList<>();
    Element mapping = first(decl, "mapping");
    if (mapping != null) {
      for (Element e : children(mapping, "mapEntry")) {
        Double v = Marking.number(e.getAttribute("mappedValue"));
        if (v != null && v > 0 && !e.getAttribute("mapKey").isBlank() && !out.contains(e.getAttribute("mapKey").trim())) out.add(e.getAttribute("mapKey").trim());
      }
    }
    for (String v : values(first(decl, "correctResponse"))) if (!v.isBlank() && !out.contains(v.trim())) out.add(v.trim());
    return out;
  }

  private static boolean caseSensitive(Element decl) {
    Element mapping = first(decl, "mapping");
    if (mapping == null) return true; // match_correct compares exactly
    return children(mapping, "mapEntry").stream().anyMatch(e -> !"false".equals(e.getAttribute("caseSensitive")));
  }

  private static void gapParts(Node n, Map<String, Element> declarations, List<Gaps.Part> parts) throws ItemProblem {
    if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
      String t = n.getNodeValue();
      if (t.contains("[") || t.contains("]")) t = t.replace('[', '(').replace(']', ')');
      parts.add(new Gaps.Part(t, null));
    } else if (n instanceof Element e) {
      if ("textEntryInteraction".equals(local(e))) {
        List<String> accepted = accepted(declaration(declarations, e));
        if (accepted.isEmpty()) throw new ItemProblem(GAP_NO_ANSWER, "gap", e.getAttribute("responseIdentifier"));
        if (accepted.stream().anyMatch(a -> a.contains("|") || a.contains("[") || a.contains("]"))) throw new ItemProblem(GAP_BRACKETS);
        parts.add(new Gaps.Part("", accepted));
      } else if ("br".equals(local(e))) {
        parts.add(new Gaps.Part("\n", null));
      } else {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) gapParts(c, declarations, parts);
      }
    }
  }

  /** The question text: the interaction's own prompt, else the body's text around it. */
  private static String promptOf(Element body, Element interaction) {
    Element p = first(interaction, "prompt");
    String own = p == null ? "" : text(p).trim();
    String around = textExcept(body, interaction).trim();
    if (own.isEmpty()) return around;
    return around.isEmpty() ? own : around + "\n" + own;
  }

  private static void collectInteractions(Element e, List<Element> out) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        if (local(c).endsWith("Interaction")) out.add(c);
        else collectInteractions(c, out);
      }
    }
  }

  /** The nearest block (paragraph) holding an inline interaction. */
  private static Element blockOf(Element e, Element body) {
    Node n = e.getParentNode();
    while (n instanceof Element p && p != body && !BLOCKS.contains(local(p))) n = p.getParentNode();
    return n instanceof Element p ? p : body;
  }

  /** The text of an element, leaving out one descendant (and interactions, pictures and objects). */
  private static String textExcept(Element root, Element skip) {
    StringBuilder b = new StringBuilder();
    appendText(root, skip, b, false);
    return tidy(b.toString());
  }

  static String text(Element e) { return text(e, false); }

  /** Text content with line breaks for br and blocks; with {@code onlyText}, interactions count as nothing. */
  private static String text(Element e, boolean onlyText) {
    StringBuilder b = new StringBuilder();
    appendText(e, null, b, onlyText);
    return tidy(b.toString());
  }

  private static void appendText(Node n, Element skip, StringBuilder b, boolean onlyText) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c == skip) continue;
      if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
        b.append(c.getNodeValue().replaceAll("\\s+", " "));
      } else if (c instanceof Element e) {
        String name = local(e);
        if (name.endsWith("Interaction") || name.equals("img") || name.equals("object")) continue;
        if (name.equals("br")) {
          b.append('\n');
          continue;
        }
        boolean block = BLOCKS.contains(name) || name.equals("prompt");
        if (block) b.append('\n');
        appendText(e, skip, b, onlyText);
        if (block) b.append('\n');
      }
    }
  }

  private static String tidy(String s) {
    return s.replaceAll("[ \\t]*\\n[ \\t]*", "\n").replaceAll("\\n{2,}", "\n").replaceAll("^\\n+|\\n+$", "").replaceAll(" {2,}", " ");
  }

  static String local(Node n) { return SafeXml.localName(n); }

  static Element first(Element e, String name) { return SafeXml.firstChild(e, name); }

  static List<Element> children(Element e, String name) { return SafeXml.children(e, name); }

  static List<Element> descendants(Element e, String name) { return SafeXml.descendants(e, name); }

  private static List<String> values(Element e) {
    return children(e, "value").stream().map(v -> v.getTextContent().trim()).toList();
  }

  private static int intAttr(Element e, String name, int otherwise) {
    try {
      return Integer.parseInt(e.getAttribute(name).trim());
    } catch (NumberFormatException ex) {
      return otherwise;
    }
  }
}
