package org.courtyard.plugins.quiz;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.i18n.Texts;
import org.courtyard.api.service.FileStore;

/**
 * Writes questions as an IMS QTI 2.1 content package: {@code imsmanifest.xml} and one
 * {@code assessmentItem} per question under {@code items/}, with its picture and sound beside it.
 * Response processing uses the standard templates where they fit, so other platforms mark the items
 * as Courtyard does. The one phrase of its own in an item (what a player that cannot play the
 * recording shows instead) is in the exporting teacher's language.
 */
final class QtiWriter {
  static final String NS = "http://www.imsglobal.org/xsd/imsqti_v2p1";
  private static final String TEMPLATES = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/";
  static final Message LISTEN = Message.of("quiz.qti.listen");
  private final FileStore files;
  private final Texts texts;

  QtiWriter(FileStore files, Texts texts) {
    this.files = files;
    this.texts = texts;
  }

  void write(List<Question> questions, OutputStream out) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      StringBuilder resources = new StringBuilder();
      for (Question q : questions) {
        String id = "q" + q.id();
        List<String> media = new ArrayList<>();
        String imageName = mediaName(id, "image", q.image());
        String audioName = mediaName(id, "audio", q.audio());
        if (imageName != null && copy(zip, "items/" + imageName, q.image())) media.add("items/" + imageName);
        else imageName = null;
        if (audioName != null && copy(zip, "items/" + audioName, q.audio())) media.add("items/" + audioName);
        else audioName = null;
        zip.putNextEntry(new ZipEntry("items/" + id + ".xml"));
        zip.write(item(q, id, imageName, audioName, texts.text(LISTEN)).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        resources.append("    <resource identifier=\"").append(id).append("\" type=\"imsqti_item_xmlv2p1\" href=\"items/").append(id).append(".xml\">\n")
            .append("      <file href=\"items/").append(id).append(".xml\"/>\n");
        for (String m : media) resources.append("      <file href=\"").append(m).append("\"/>\n");
        resources.append("    </resource>\n");
      }
      zip.putNextEntry(new ZipEntry("imsmanifest.xml"));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<manifest xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\" identifier=\"courtyard-questions\">\n"
          + "  <metadata><schema>QTIv2.1 Package</schema><schemaversion>1.0.0</schemaversion></metadata>\n"
          + "  <organizations/>\n  <resources>\n" + resources + "  </resources>\n</manifest>\n").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
  }

  private boolean copy(ZipOutputStream zip, String name, Question.Media m) throws IOException {
    Path p = files.path(m.key()).orElse(null);
    if (p == null || !Files.isRegularFile(p)) return false;
    zip.putNextEntry(new ZipEntry(name));
    Files.copy(p, zip);
    zip.closeEntry();
    return true;
  }

  private static String mediaName(String id, String kind, Question.Media m) {
    if (m == null) return null;
    String type = m.contentType().toLowerCase(Locale.ROOT);
    String ext = switch (type) {
      case "image/png" -> "png";
      case "image/jpeg" -> "jpg";
      case "image/gif" -> "gif";
      case "image/webp" -> "webp";
      case "audio/mpeg" -> "mp3";
      case "audio/ogg" -> "ogg";
      case "audio/wav", "audio/x-wav" -> "wav";
      case "audio/webm" -> "webm";
      case "audio/mp4" -> "m4a";
      default -> "bin";
    };
    return id + "-" + kind + "." + ext;
  }

  /** One question as an assessmentItem. */
  static String item(Question q, String id, String imageName, String audioName, String listen) {
    StringBuilder declarations = new StringBuilder();
    StringBuilder body = new StringBuilder();
    String processing;
    double p = q.points();
    List<Question.Choice> c = q.choices();
    if (imageName != null) body.append("    <p><img src=\"").append(esc(imageName)).append("\" alt=\"\"/></p>\n");
    if (audioName != null) {
      body.append("    <p><object type=\"").append(esc(q.audio().contentType())).append("\" data=\"").append(esc(audioName)).append("\">").append(esc(listen)).append("</object></p>\n");
    }
    switch (q.type()) {
      case SINGLE, MULTIPLE, TRUE_FALSE -> {
        boolean single = q.type() != QuestionType.MULTIPLE;
        boolean tf = q.type() == QuestionType.TRUE_FALSE;
        declarations.append("  <responseDeclaration identifier=\"RESPONSE\" cardinality=\"").append(single ? "single" : "multiple").append("\" baseType=\"identifier\">\n")
            .append("    <correctResponse>\n");
        for (int i = 0; i < c.size(); i++) if (c.get(i).correct()) declarations.append("      <value>").append(choiceId(tf, i)).append("</value>\n");
        declarations.append("    </correctResponse>\n");
        if (!single) {
          long right = c.stream().filter(Question.Choice::correct).count();
          declarations.append("    <mapping lowerBound=\"0\" upperBound=\"").append(num(p)).append("\" defaultValue=\"0\">\n");
          for (int i = 0; i < c.size(); i++) {
            declarations.append("      <mapEntry mapKey=\"C").append(i).append("\" mappedValue=\"").append(num((c.get(i).correct() ? p : -p) / right)).append("\"/>\n");
          }
          declarations.append("    </mapping>\n");
        }
        declarations.append("  </responseDeclaration>\n");
        body.append("    <choiceInteraction responseIdentifier=\"RESPONSE\" shuffle=\"").append(!tf).append("\" maxChoices=\"").append(single ? 1 : 0).append("\">\n")
            .append("      <prompt>").append(text(q.prompt())).append("</prompt>\n");
        for (int i = 0; i < c.size(); i++) {
          body.append("      <simpleChoice identifier=\"").append(choiceId(tf, i)).append("\">").append(esc(c.get(i).text())).append("</simpleChoice>\n");
        }
        body.append("    </choiceInteraction>\n");
        processing = single ? template("match_correct") : template("map_response");
      }
      case SHORT_TEXT -> {
        declarations.append("  <responseDeclaration identifier=\"RESPONSE\" cardinality=\"single\" baseType=\"string\">\n")
            .append("    <correctResponse><value>").append(esc(c.get(0).text())).append("</value></correctResponse>\n")
            .append(mapping(c.stream().map(Question.Choice::text).toList(), p, q.caseSensitive()))
            .append("  </responseDeclaration>\n");
        body.append("    <p>").append(text(q.prompt())).append("</p>\n")
            .append("    <p><textEntryInteraction responseIdentifier=\"RESPONSE\" expectedLength=\"20\"/></p>\n");
        processing = template("map_response");
      }
      case NUMERIC -> {
        double tol = q.tolerance() == null ? 0 : q.tolerance();
        declarations.append("  <responseDeclaration identifier=\"RESPONSE\" cardinality=\"single\" baseType=\"float\">\n")
            .append("    <correctResponse><value>").append(num(q.number())).append("</value></correctResponse>\n")
            .append("  </responseDeclaration>\n");
        body.append("    <p>").append(text(q.prompt())).append("</p>\n")
            .append("    <p><textEntryInteraction responseIdentifier=\"RESPONSE\" expectedLength=\"10\"/></p>\n");
        processing = "  <responseProcessing>\n    <responseCondition>\n      <responseIf>\n"
            + "        <equal toleranceMode=\"absolute\" tolerance=\"" + num(tol) + " " + num(tol) + "\"><variable identifier=\"RESPONSE\"/><correct identifier=\"RESPONSE\"/></equal>\n"
            + "        <setOutcomeValue identifier=\"SCORE\"><baseValue baseType=\"float\">" + num(p) + "</baseValue></setOutcomeValue>\n"
            + "      </responseIf>\n    </responseCondition>\n  </responseProcessing>\n";
      }
      case MATCHING -> {
        int pairs = q.pairs();
        declarations.append("  <responseDeclaration identifier=\"RESPONSE\" cardinality=\"multiple\" baseType=\"directedPair\">\n    <correctResponse>\n");
        for (int i = 0; i < c.size(); i++) if (!c.get(i).text().isEmpty()) declarations.append("      <value>L").append(i).append(" R").append(i).append("</value>\n");
        declarations.append("    </correctResponse>\n    <mapping lowerBound=\"0\" upperBound=\"").append(num(p)).append("\" defaultValue=\"0\">\n");
        for (int i = 0; i < c.size(); i++) {
          if (!c.get(i).text().isEmpty()) declarations.append("      <mapEntry mapKey=\"L").append(i).append(" R").append(i).append("\" mappedValue=\"").append(num(p / pairs)).append("\"/>\n");
        }
        declarations.append("    </mapping>\n  </responseDeclaration>\n");
        body.append("    <matchInteraction responseIdentifier=\"RESPONSE\" shuffle=\"true\" maxAssociations=\"").append(pairs).append("\">\n")
            .append("      <prompt>").append(text(q.prompt())).append("</prompt>\n      <simpleMatchSet>\n");
        for (int i = 0; i < c.size(); i++) {
          if (!c.get(i).text().isEmpty()) body.append("        <simpleAssociableChoice identifier=\"L").append(i).append("\" matchMax=\"1\">").append(esc(c.get(i).text())).append("</simpleAssociableChoice>\n");
        }
        body.append("      </simpleMatchSet>\n      <simpleMatchSet>\n");
        for (int i = 0; i < c.size(); i++) {
          body.append("        <simpleAssociableChoice identifier=\"R").append(i).append("\" matchMax=\"").append(pairs).append("\">").append(esc(c.get(i).match())).append("</simpleAssociableChoice>\n");
        }
        body.append("      </simpleMatchSet>\n    </matchInteraction>\n");
        processing = template("map_response");
      }
      case ORDERING -> {
        declarations.append("  <responseDeclaration identifier=\"RESPONSE\" cardinality=\"ordered\" baseType=\"identifier\">\n    <correctResponse>\n");
        for (int i = 0; i < c.size(); i++) declarations.append("      <value>I").append(i).append("</value>\n");
        declarations.append("    </correctResponse>\n  </responseDeclaration>\n");
        body.append("    <orderInteraction responseIdentifier=\"RESPONSE\" shuffle=\"true\">\n      <prompt>").append(text(q.prompt())).append("</prompt>\n");
        for (int i = 0; i < c.size(); i++) body.append("      <simpleChoice identifier=\"I").append(i).append("\">").append(esc(c.get(i).text())).append("</simpleChoice>\n");
        body.append("    </orderInteraction>\n");
        processing = template("match_correct");
      }
      case GAPS -> {
        List<List<String>> gaps = Gaps.answers(q.gapText());
        StringBuilder sum = new StringBuilder();
        for (int g = 0; g < gaps.size(); g++) {
          declarations.append("  <responseDeclaration identifier=\"GAP").append(g).append("\" cardinality=\"single\" baseType=\"string\">\n")
              .append("    <correctResponse><value>").append(esc(gaps.get(g).get(0))).append("</value></correctResponse>\n")
              .append(mapping(gaps.get(g), p / gaps.size(), q.caseSensitive()))
              .append("  </responseDeclaration>\n");
          sum.append("<mapResponse identifier=\"GAP").append(g).append("\"/>");
        }
        body.append("    <p>").append(text(q.prompt())).append("</p>\n    <p>");
        int g = 0;
        for (Gaps.Part part : Gaps.parse(q.gapText())) {
          if (part.isGap()) body.append("<textEntryInteraction responseIdentifier=\"GAP").append(g++).append("\" expectedLength=\"10\"/>");
          else body.append(text(part.text()));
        }
        body.append("</p>\n");
        processing = "  <responseProcessing>\n    <setOutcomeValue identifier=\"SCORE\"><sum>" + sum + "</sum></setOutcomeValue>\n  </responseProcessing>\n";
      }
      default -> {
        declarations.append("  <responseDeclaration identifier=\"RESPONSE\" cardinality=\"single\" baseType=\"string\"/>\n");
        body.append("    <extendedTextInteraction responseIdentifier=\"RESPONSE\" expectedLines=\"6\">\n      <prompt>").append(text(q.prompt()))
            .append("</prompt>\n    </extendedTextInteraction>\n");
        processing = "";
      }
    }
    boolean feedback = q.feedback() != null && !q.feedback().isBlank();
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<assessmentItem xmlns=\"" + NS + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " xsi:schemaLocation=\"" + NS + " http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd\""
        + " identifier=\"" + id + "\" title=\"" + esc(q.title()) + "\" adaptive=\"false\" timeDependent=\"false\">\n"
        + declarations
        + "  <outcomeDeclaration identifier=\"SCORE\" cardinality=\"single\" baseType=\"float\"><defaultValue><value>0</value></defaultValue></outcomeDeclaration>\n"
        + "  <outcomeDeclaration identifier=\"MAXSCORE\" cardinality=\"single\" baseType=\"float\"><defaultValue><value>" + num(p) + "</value></defaultValue></outcomeDeclaration>\n"
        + (feedback ? "  <outcomeDeclaration identifier=\"FEEDBACK\" cardinality=\"single\" baseType=\"identifier\"><defaultValue><value>GENERAL</value></defaultValue></outcomeDeclaration>\n" : "")
        + "  <itemBody>\n" + body + "  </itemBody>\n"
        + processing
        + (feedback ? "  <modalFeedback outcomeIdentifier=\"FEEDBACK\" identifier=\"GENERAL\" showHide=\"show\">" + text(q.feedback()) + "</modalFeedback>\n" : "")
        + "</assessmentItem>\n";
  }

  private static String choiceId(boolean trueFalse, int i) { return trueFalse ? (i == 0 ? "true" : "false") : "C" + i; }

  private static String mapping(List<String> accepted, double points, boolean caseSensitive) {
    StringBuilder b = new StringBuilder("    <mapping defaultValue=\"0\">\n");
    for (String a : accepted) {
      b.append("      <mapEntry mapKey=\"").append(esc(a)).append("\" mappedValue=\"").append(num(points)).append("\" caseSensitive=\"").append(caseSensitive).append("\"/>\n");
    }
    return b.append("    </mapping>\n").toString();
  }

  private static String template(String name) { return "  <responseProcessing template=\"" + TEMPLATES + name + "\"/>\n"; }

  static String num(Double d) { return Answers.number(d); }

  /** Plain text as QTI inline content: escaped, with line breaks kept. */
  static String text(String s) { return esc(s == null ? "" : s).replace("\r\n", "\n").replace("\n", "<br/>"); }

  static String esc(String s) { return org.courtyard.api.roster.SafeXml.escape(s); }
}
