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
 * (no external entities) and zips are unpacked with limits on size, count and paths.
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

  /** A question read from the package, with its picture and sound files (inside the unpacked package). */
  record Imported(String file, Question draft, Path image, Path audio) {}

  record Outcome(List<Imported> questions, List<String> problems) {}

  private QtiReader() {}

  /** Reads an uploaded package (zip) or single item (XML), unpacking into {@code work}. */
  static Outcome read(Path upload, Path work) throws IOException {
    List<String> problems = new ArrayList<>();
    List<Imported> out = new ArrayList<>();
    Map<String, Path> items = new LinkedHashMap<>();
    if (SafeZip.looksLikeZip(upload)) {
      try {
        SafeZip.extract(upload, work, MAX_PACKAGE, MAX_FILES);
      } catch (RosterException e) {
        return new Outcome(List.of(), List.of("The package could not be opened: " + e.getMessage()));
      }
      Path manifest = work.resolve("imsmanifest.xml");
      if (Files.isRegularFile(manifest)) {
        if (Files.size(manifest) > MAX_MANIFEST_BYTES) return new Outcome(List.of(), List.of("imsmanifest.xml: is bigger than 5 MB, which no package of at most " + MAX_ITEMS + " items needs."));
        try {
          Document m = parse(manifest);
          for (Element r : descendants(m.getDocumentElement(), "resource")) {
            String type = r.getAttribute("type");
            if (!type.startsWith("imsqti_item_xmlv2p")) continue;
            String href = r.getAttribute("href");
            Path p = inside(work, work, href);
            if (p == null || !Files.isRegularFile(p)) problems.add("imsmanifest.xml: the item " + href + " is listed but not in the package.");
            else items.put(href, p);
          }
        } catch (RosterException e) {
          return new Outcome(List.of(), List.of("imsmanifest.xml: " + e.getMessage()));
        }
      } else {
        try (Stream<Path> all = Files.walk(work)) {
          for (Path p : all.filter(f -> f.toString().toLowerCase(Locale.ROOT).endsWith(".xml")).sorted().toList()) {
            items.put(work.relativize(p).toString().replace('\\', '/'), p);
          }
        }
      }
    } else {
      items.put("the file", upload);
    }
    if (items.isEmpty() && problems.isEmpty()) problems.add("The package holds no QTI 2.1 items.");
    if (items.size() > MAX_ITEMS) {
      return new Outcome(List.of(), List.of("The package holds " + items.size() + " items; import at most " + MAX_ITEMS + " at a time (export them in smaller packages)."));
    }
    for (var e : items.entrySet()) {
      try {
        if (Files.size(e.getValue()) > MAX_ITEM_BYTES) {
          problems.add(e.getKey() + ": is bigger than 2 MB, far more than one question holds (at most 10,000 characters of question and 20 options).");
          continue;
        }
        Document d = parse(e.getValue());
        Element root = d.getDocumentElement();
        if (!"assessmentItem".equals(local(root))) {
          if (items.size() == 1 || !SafeZip.looksLikeZip(upload)) problems.add(e.getKey() + ": is not a QTI assessmentItem.");
          continue;
        }
        out.add(item(e.getKey(), root, SafeZip.looksLikeZip(upload) ? work : null, e.getValue().getParent()));
      } catch (RosterException ex) {
        problems.add(e.getKey() + ": " + ex.getMessage());
      } catch (ItemProblem ex) {
        problems.add(e.getKey() + ": " + ex.getMessage());
      }
    }
    if (out.isEmpty() && problems.isEmpty()) problems.add("The package holds no QTI 2.1 items.");
    return new Outcome(problems.isEmpty() ? out : List.of(), problems);
  }

  /** A problem with one item, reported with its file name. */
  static final class ItemProblem extends Exception {
    ItemProblem(String message) { super(message); }
  }

  private static Document parse(Path file) throws RosterException, IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return SafeXml.parse(in);
    }
  }

  static Imported item(String file, Element root, Path packageRoot, Path folder) throws ItemProblem {
    String title = root.getAttribute("title").trim();
    Element body = first(root, "itemBody");
    if (body == null) throw new ItemProblem("has no itemBody.");
    Map<String, Element> declarations = new HashMap<>();
    for (Element d : children(root, "responseDeclaration")) declarations.put(d.getAttribute("identifier"), d);
    List<Element> interactions = new ArrayList<>();
    collectInteractions(body, interactions);
    if (interactions.isEmpty()) throw new ItemProblem("has no interaction (nothing for the learner to answer).");
    for (Element i : interactions) {
      if (!SUPPORTED.contains(local(i))) throw new ItemProblem("uses " + local(i) + ", which Courtyard cannot take: only choice, text entry, extended text, match and order interactions.");
    }
    String kind = local(interactions.get(0));
    if (interactions.stream().anyMatch(i -> !local(i).equals(kind))) throw new ItemProblem("mixes different kinds of interaction in one item, which Courtyard cannot take.");
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
        if (interactions.size() > 1) throw new ItemProblem("has more than one choice interaction.");
        Element decl = declaration(declarations, interaction);
        List<String> correct = values(first(decl, "correctResponse"));
        List<Element> simple = children(interaction, "simpleChoice");
        if (simple.size() < 2) throw new ItemProblem("has fewer than two choices.");
        if (correct.isEmpty()) throw new ItemProblem("does not say which choice is right (no correctResponse).");
        List<String> ids = simple.stream().map(s -> s.getAttribute("identifier")).toList();
        for (String c : correct) if (!ids.contains(c)) throw new ItemProblem("names " + c + " as right, but there is no such choice.");
        boolean trueFalse = simple.size() == 2 && ids.get(0).equalsIgnoreCase("true") && ids.get(1).equalsIgnoreCase("false") && correct.size() == 1;
        int max = intAttr(interaction, "maxChoices", 1);
        type = trueFalse ? QuestionType.TRUE_FALSE : max == 1 && correct.size() == 1 ? QuestionType.SINGLE : QuestionType.MULTIPLE;
        for (Element s : simple) {
          String t = trueFalse ? (s.getAttribute("identifier").equalsIgnoreCase("true") ? "True" : "False") : text(s).trim();
          if (t.isEmpty()) throw new ItemProblem("has a choice with no text.");
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
            if (blockOf(i, body) != gapHolder) throw new ItemProblem("has gaps in more than one paragraph, which Courtyard cannot take.");
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
            if (v.isEmpty()) throw new ItemProblem("does not give the right number (no correctResponse).");
            number = Marking.number(v.get(0));
            if (number == null) throw new ItemProblem("gives “" + v.get(0) + "” as the right number, which is not a number.");
            tolerance = tolerance(root);
          } else {
            type = QuestionType.SHORT_TEXT;
            List<String> accepted = accepted(decl);
            if (accepted.isEmpty()) throw new ItemProblem("does not give any accepted answer (no correctResponse or mapping).");
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
        if (sets.size() != 2) throw new ItemProblem("is a match interaction without two sets to match.");
        Map<String, String> left = new LinkedHashMap<>();
        Map<String, String> right = new LinkedHashMap<>();
        for (Element e : children(sets.get(0), "simpleAssociableChoice")) left.put(e.getAttribute("identifier"), text(e).trim());
        for (Element e : children(sets.get(1), "simpleAssociableChoice")) right.put(e.getAttribute("identifier"), text(e).trim());
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String v : values(first(declaration(declarations, interaction), "correctResponse"))) {
          String[] lr = v.trim().split("\\s+");
          if (lr.length != 2 || !left.containsKey(lr[0]) || !right.containsKey(lr[1])) throw new ItemProblem("has a right answer “" + v + "” that names no pair of its options.");
          if (pairs.put(lr[0], lr[1]) != null) throw new ItemProblem("matches “" + left.get(lr[0]) + "” with more than one option, which Courtyard cannot take.");
        }
        if (pairs.size() != left.size()) throw new ItemProblem("does not say what every item on the left matches.");
        if (pairs.values().stream().distinct().count() != pairs.size()) throw new ItemProblem("matches two items with the same option, which Courtyard cannot take.");
        for (var p : pairs.entrySet()) choices.add(new Question.Choice(left.get(p.getKey()), false, right.get(p.getValue())));
        for (var r : right.entrySet()) if (!pairs.containsValue(r.getKey())) choices.add(new Question.Choice("", false, r.getValue()));
        if (pairs.size() < 2) throw new ItemProblem("has fewer than two pairs.");
        prompt = promptOf(body, interaction);
      }
      default -> {
        type = QuestionType.ORDERING;
        Map<String, String> items = new LinkedHashMap<>();
        for (Element e : children(interaction, "simpleChoice")) items.put(e.getAttribute("identifier"), text(e).trim());
        List<String> order = values(first(declaration(declarations, interaction), "correctResponse"));
        if (order.size() != items.size() || !items.keySet().containsAll(order)) throw new ItemProblem("does not give the right order of all its items.");
        if (items.size() < 2) throw new ItemProblem("has fewer than two items to order.");
        for (String id : order) choices.add(new Question.Choice(items.get(id), false, null));
        prompt = promptOf(body, interaction);
      }
    }
    if (prompt.isBlank()) prompt = type == QuestionType.GAPS ? "Fill in the gaps." : title;
    if (prompt.isBlank()) throw new ItemProblem("has no question text.");
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
    List<String> over = QuestionForm.overLimits(draft);
    if (!over.isEmpty()) throw new ItemProblem("is more than the question bank takes: " + String.join(" ", over));
    return new Imported(file, draft, image, audio);
  }

  private static Path media(String file, Path packageRoot, Path folder, String href, boolean image) throws ItemProblem {
    if (href == null || href.isBlank()) return null;
    if (packageRoot == null) throw new ItemProblem("refers to " + href + "; upload the whole package (zip) to bring pictures and sounds.");
    Path p = inside(packageRoot, folder, href);
    if (p == null || !Files.isRegularFile(p)) throw new ItemProblem("refers to " + href + ", which is not in the package.");
    String type = ContentTypes.sniff(p);
    if (image ? !ContentTypes.isImage(type) : !ContentTypes.isAudio(type)) {
      throw new ItemProblem(href + " is not " + (image ? "a picture" : "a sound file") + " (judged by its content).");
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
    if (d == null) throw new ItemProblem("has an interaction whose response " + interaction.getAttribute("responseIdentifier") + " is not declared.");
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
        if (accepted.isEmpty()) throw new ItemProblem("has a gap (" + e.getAttribute("responseIdentifier") + ") with no accepted answer.");
        if (accepted.stream().anyMatch(a -> a.contains("|") || a.contains("[") || a.contains("]"))) throw new ItemProblem("has a gap answer with | or brackets, which Courtyard cannot take.");
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
