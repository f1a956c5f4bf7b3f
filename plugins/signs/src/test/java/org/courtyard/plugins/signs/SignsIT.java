package org.courtyard.plugins.signs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SignsIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool().plugin(PluginJar.fromBuild());

  private static final String WILLOW = "/s/2-willow/signs";
  private static final String OAK = "/s/5-oak/signs";

  static Browser as(String username) {
    return Browser.signIn(courtyard.baseUri(), username, courtyard.school().person(username).password());
  }

  /** Bytes an MP4 container starts with (an ftyp box), then random bytes standing in for the frames. */
  static byte[] mp4(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    byte[] head = {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'i', 's', 'o', '2', 'a', 'v', 'c', '1', 'm', 'p', '4', '1'};
    System.arraycopy(head, 0, b, 0, head.length);
    return b;
  }

  /** A WebM's EBML header (DocType "webm"), then random bytes. */
  static byte[] webm(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    byte[] head = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3, (byte) 0x9f, 0x42, (byte) 0x86, (byte) 0x81, 0x01, 0x42, (byte) 0xf7, (byte) 0x81, 0x01,
        0x42, (byte) 0xf2, (byte) 0x81, 0x04, 0x42, (byte) 0xf3, (byte) 0x81, 0x08, 0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm'};
    System.arraycopy(head, 0, b, 0, head.length);
    return b;
  }

  static Map<String, String> fields(String word, String category) {
    Map<String, String> f = new HashMap<>();
    f.put("word", word);
    f.put("gloss", "");
    f.put("notes", "");
    f.put("category", category);
    f.put("tags", "test");
    f.put("signer", "Ms Deaf Instructor");
    return f;
  }

  /** The no-JavaScript form: the whole video in one request. Returns the new sign's page. */
  static String upload(Browser who, String gallery, String word, byte[] video) {
    who.get(gallery + "/new");
    Browser.Response r = who.multipart(gallery + "/new", fields(word, "classroom"), "video", word + ".mp4", video, false);
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  static String json(Browser.Response r, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":\"?([^\",}]*)").matcher(r.body());
    assertTrue(m.find(), field + " in " + r.body());
    return m.group(1);
  }

  static long userId(String username) { return courtyard.userId(username); }

  static long storedFiles() throws IOException {
    Path dir = courtyard.home().resolve("data/files");
    if (!Files.isDirectory(dir)) return 0;
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void anUploadInterruptedAndResumedEndsByteIdenticalToTheOriginal() throws IOException {
    byte[] video = mp4(5 * 1024 * 1024 + 123, 1);
    int chunk = 1024 * 1024;
    Browser laptop = as("mrs.patel");
    laptop.get(WILLOW + "/new");
    Browser.Response started = laptop.multipart(WILLOW + "/uploads", Map.of("word", "Resume", "category", "classroom", "name", "resume.mp4",
        "size", Integer.toString(video.length)), null, null, null, true);
    assertEquals(200, started.status(), started.body());
    String token = json(started, "token");
    String at = WILLOW + "/uploads/" + token;
    for (int offset = 0; offset < 2 * chunk; offset += chunk) {
      Browser.Response r = laptop.multipart(at + "/chunk?offset=" + offset, Map.of(), "chunk", "blob", Arrays.copyOfRange(video, offset, offset + chunk), true);
      assertEquals(200, r.status(), r.body());
      assertEquals(Integer.toString(offset + chunk), json(r, "received"));
    }
    assertEquals(403, new Browser(courtyard.baseUri()).multipart(at + "/chunk?offset=" + 2 * chunk, Map.of(), "chunk", "blob", new byte[10], false).status(),
        "a chunk without a session and CSRF token is refused");
    assertEquals(403, as("mrs.patel").withoutToken().multipart(at + "/chunk?offset=" + 2 * chunk, Map.of(), "chunk", "blob", new byte[10], true).status(),
        "a signed-in chunk without the X-CSRF-Token header is refused");

    // The connection drops; later, in a new session (the laptop slept), the teacher goes on.
    Browser later = as("mrs.patel");
    later.get(WILLOW + "/new");
    Browser.Response status = later.get(at);
    assertEquals(200, status.status());
    assertEquals(Integer.toString(2 * chunk), json(status, "received"), "the server kept what it had");
    assertEquals(409, later.multipart(at + "/chunk?offset=0", Map.of(), "chunk", "blob", Arrays.copyOfRange(video, 0, chunk), true).status(),
        "a chunk at the wrong offset is refused, not appended");
    assertEquals(404, as("amira").get(at).status(), "only the person who started an upload can see or continue it");
    assertEquals(409, later.multipart(at + "/complete", Map.of(), null, null, null, true).status(), "an incomplete upload cannot complete");
    for (int offset = 2 * chunk; offset < video.length; offset += chunk) {
      int end = Math.min(video.length, offset + chunk);
      Browser.Response r = later.multipart(at + "/chunk?offset=" + offset, Map.of(), "chunk", "blob", Arrays.copyOfRange(video, offset, end), true);
      assertEquals(200, r.status(), r.body());
    }
    Browser.Response done = later.multipart(at + "/complete", Map.of(), null, null, null, true);
    assertEquals(200, done.status(), done.body());
    String sign = json(done, "location");
    assertTrue(sign.matches("/s/2-willow/signs/v/\\d+"), sign);
    Browser.Response stream = later.get(sign + "/video");
    assertEquals(200, stream.status());
    assertEquals("video/mp4", stream.header("Content-Type"));
    assertArrayEquals(video, stream.bytes(), "the joined video is byte-identical to the original");
    assertEquals(404, later.get(at).status(), "a completed upload is gone");
    assertTrue(later.get(WILLOW).contains("Resume"));
  }

  @Test
  void aRenamedNonVideoFileIsRefusedAndNothingIsSaved() throws IOException {
    Browser teacher = as("mrs.patel");
    teacher.get(WILLOW + "/new");
    byte[] picture = new byte[200_000];
    new Random(2).nextBytes(picture);
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, picture, 0, 8);
    long before = storedFiles();

    Browser.Response single = teacher.multipart(WILLOW + "/new", fields("Renamed picture", "classroom"), "video", "clip.mp4", picture, false);
    assertEquals(422, single.status());
    assertTrue(single.contains("clip.mp4 is not a video (MP4, MOV or WebM)"), single.body());
    assertTrue(single.contains("Nothing was saved"));
    assertTrue(single.contains("value=\"Renamed picture\""), "the form keeps what was typed");

    Browser.Response started = teacher.multipart(WILLOW + "/uploads", Map.of("word", "Renamed text", "category", "classroom", "name", "notes.mp4",
        "size", Integer.toString(picture.length)), null, null, null, true);
    String at = WILLOW + "/uploads/" + json(started, "token");
    byte[] text = "This is a shopping list, renamed to notes.mp4 by someone hoping it would be taken. ".repeat(100).getBytes(StandardCharsets.UTF_8);
    Browser.Response chunk = teacher.multipart(at + "/chunk?offset=0", Map.of(), "chunk", "blob", Arrays.copyOf(text, 4096), true);
    assertEquals(422, chunk.status());
    assertTrue(chunk.contains("notes.mp4 is not a video (MP4, MOV or WebM)"), chunk.body());
    assertEquals(404, teacher.get(at).status(), "the refused upload is dropped");

    // A first chunk too short to judge is taken; the joined file is checked when the upload completes.
    byte[] tiny = Arrays.copyOf(text, 100);
    String tinyAt = WILLOW + "/uploads/" + json(teacher.multipart(WILLOW + "/uploads", Map.of("word", "Tiny text", "category", "classroom",
        "name", "tiny.webm", "size", "100"), null, null, null, true), "token");
    assertEquals(200, teacher.multipart(tinyAt + "/chunk?offset=0", Map.of(), "chunk", "blob", Arrays.copyOf(tiny, 10), true).status());
    assertEquals(200, teacher.multipart(tinyAt + "/chunk?offset=10", Map.of(), "chunk", "blob", Arrays.copyOfRange(tiny, 10, 100), true).status());
    Browser.Response completed = teacher.multipart(tinyAt + "/complete", Map.of(), null, null, null, true);
    assertEquals(422, completed.status());
    assertTrue(completed.contains("tiny.webm is not a video"), completed.body());
    assertEquals(404, teacher.get(tinyAt).status());

    assertEquals(before, storedFiles(), "no file was kept");
    Browser.Response list = teacher.get(WILLOW);
    assertFalse(list.contains("Renamed picture"));
    assertFalse(list.contains("Renamed text"));
    assertFalse(list.contains("Tiny text"));
  }

  @Test
  void rangeRequestsReturnTheRightBytesAndABadRangeIs416() {
    byte[] video = webm(300_000, 3);
    Browser teacher = as("mrs.patel");
    String sign = upload(teacher, WILLOW, "Range", video);
    Browser ben = as("ben");

    Browser.Response whole = ben.get(sign + "/video");
    assertEquals(200, whole.status());
    assertEquals("bytes", whole.header("Accept-Ranges"));
    assertEquals("video/webm", whole.header("Content-Type"));
    assertEquals("nosniff", whole.header("X-Content-Type-Options"));
    assertArrayEquals(video, whole.bytes());

    Browser.Response part = ben.get(sign + "/video", "Range", "bytes=1000-1999");
    assertEquals(206, part.status());
    assertEquals("bytes 1000-1999/300000", part.header("Content-Range"));
    assertEquals("1000", part.header("Content-Length"));
    assertArrayEquals(Arrays.copyOfRange(video, 1000, 2000), part.bytes());

    Browser.Response open = ben.get(sign + "/video", "Range", "bytes=299000-");
    assertEquals(206, open.status());
    assertEquals("bytes 299000-299999/300000", open.header("Content-Range"));
    assertArrayEquals(Arrays.copyOfRange(video, 299_000, 300_000), open.bytes());

    Browser.Response tail = ben.get(sign + "/video", "Range", "bytes=-500");
    assertEquals(206, tail.status());
    assertArrayEquals(Arrays.copyOfRange(video, 299_500, 300_000), tail.bytes());

    Browser.Response bad = ben.get(sign + "/video", "Range", "bytes=400000-500000");
    assertEquals(416, bad.status());
    assertEquals("bytes */300000", bad.header("Content-Range"));
  }

  @Test
  void anUnapprovedVideoIsInvisibleToOtherLearnersAndParents() {
    Browser teacher = as("mrs.patel");
    Browser ben = as("ben");
    assertEquals(403, ben.get(WILLOW + "/new").status(), "learners need to be named before they can upload");
    teacher.get(WILLOW + "/uploaders");
    assertEquals(303, teacher.post(WILLOW + "/uploaders", Map.of("learner", Long.toString(userId("amira")))).status());

    Browser amira = as("amira");
    byte[] video = mp4(50_000, 4);
    String sign = upload(amira, WILLOW, "Amiras secret sign", video);
    assertTrue(amira.get(WILLOW).contains("Amiras secret sign"), "the uploader sees her own pending sign");
    assertTrue(amira.get(WILLOW).contains("waiting for approval"));
    assertEquals(200, amira.get(sign).status());
    assertArrayEquals(video, amira.get(sign + "/video").bytes());

    Browser parent = as("mr.khan");
    for (Browser other : List.of(ben, parent)) {
      assertFalse(other.get(WILLOW).contains("Amiras secret sign"), "not in the list");
      assertEquals(404, other.get(sign).status(), "not by its page");
      assertEquals(404, other.get(sign + "/video").status(), "not by its stream");
      assertEquals(404, other.get(sign + "/video", "Range", "bytes=0-10").status(), "not by a range of its stream");
      assertEquals(404, other.get(sign + "/poster").status());
      assertEquals(404, other.get(sign + "/captions.vtt").status());
    }
    assertEquals(403, ben.post(sign + "/approve", Map.of()).status(), "a learner cannot approve");
    assertEquals(404, ben.post(sign + "/edit", Map.of("word", "mine now")).status(), "nor change someone else's pending sign");

    assertTrue(teacher.get(WILLOW + "/pending").contains("Amiras secret sign"));
    assertTrue(teacher.get("/notifications").contains("Amiras secret sign"), "the teacher is told");
    assertEquals(303, teacher.post(sign + "/approve", Map.of()).status());
    assertTrue(ben.get(WILLOW).contains("Amiras secret sign"));
    assertEquals(200, ben.get(sign).status());
    assertArrayEquals(video, ben.get(sign + "/video").bytes());
    teacher.post(WILLOW + "/uploaders", Map.of());
  }

  @Test
  void signOfTheWeekShowsOnTheSpacePage() {
    Browser teacher = as("mrs.patel");
    String sign = upload(teacher, WILLOW, "Rainbow", mp4(40_000, 5));
    String id = sign.substring(sign.lastIndexOf('/') + 1);
    Browser ben = as("ben");
    assertEquals(403, ben.post(WILLOW + "/week", Map.of("sign", id)).status(), "learners do not choose it");
    assertEquals(303, teacher.post(WILLOW + "/week", Map.of("sign", id)).status());
    Browser.Response space = ben.get("/s/2-willow");
    assertEquals(200, space.status());
    assertTrue(space.contains("Sign of the week"), space.body());
    assertTrue(space.contains(">Rainbow</a>"), space.body());
    assertTrue(space.contains(sign + "/video"), "playable on the space page");
    assertTrue(space.contains("/assets/signs/player.js"));
    assertTrue(ben.get(WILLOW).contains("Sign of the week: <a href=\"" + sign + "\">Rainbow</a>"));
  }

  @Test
  void anOversizedUploadIsRefusedWithAClearMessage() {
    Browser teacher = as("mrs.patel");
    teacher.get(WILLOW + "/new");
    Browser.Response declared = teacher.multipart(WILLOW + "/uploads", Map.of("word", "Huge", "category", "classroom", "name", "huge.mp4",
        "size", Long.toString(80L * 1024 * 1024)), null, null, null, true);
    assertEquals(422, declared.status());
    assertTrue(declared.contains("This video is 80 MB; this school allows sign videos up to 50 MB. Nothing was uploaded."), declared.body());

    Browser admin = as("ict.leader");
    admin.get("/admin/oakfield/plugins/signs/settings");
    assertEquals(303, admin.post("/admin/oakfield/plugins/signs/settings", Map.of("max-video-mb", "1", "categories", SignsTool.DEFAULT_CATEGORIES)).status());
    try {
      Browser.Response single = teacher.multipart(WILLOW + "/new", fields("Too big", "classroom"), "video", "big.mp4", mp4(1536 * 1024, 6), false);
      assertEquals(422, single.status());
      assertTrue(single.contains("big.mp4 is 1.5 MB; the largest file allowed here is 1.0 MB. Nothing was saved."), single.body());
      assertTrue(single.contains("value=\"Too big\""), "the form keeps what was typed");
      assertFalse(teacher.get(WILLOW).contains("Too big"));
    } finally {
      admin.post("/admin/oakfield/plugins/signs/settings", Map.of("max-video-mb", "50", "categories", SignsTool.DEFAULT_CATEGORIES));
    }
  }

  @Test
  void practiceModeMarksRightAndWrongWithoutGivingTheAnswerAway() {
    Browser teacher = as("mrs.patel");
    Map<String, byte[]> videos = new HashMap<>();
    for (String word : List.of("Apple", "Banana", "Cherry", "Grape")) {
      byte[] v = mp4(20_000, word.hashCode());
      videos.put(word, v);
      upload(teacher, OAK, word, v);
    }
    Browser chloe = as("chloe");
    String first = newQuestion(chloe);
    Browser.Response page = chloe.get(first);
    assertEquals(200, page.status());
    assertFalse(page.contains(OAK + "/v/"), "the page does not link to the sign");
    String right = answerOf(chloe, first, videos);
    String wrong = choices(page).stream().filter(c -> !c.equals(right)).findFirst().orElseThrow();
    assertEquals(4, choices(page).size());

    assertEquals(303, chloe.post(first, Map.of("choice", wrong)).status());
    Browser.Response result = chloe.get(first);
    assertTrue(result.contains("Not quite: you chose “" + wrong + "”; the sign is “" + right + "”"), result.body());
    assertEquals(303, chloe.post(first, Map.of("choice", right)).status());
    assertTrue(chloe.get(first).contains("Not quite"), "the first answer counts");

    String second = newQuestion(chloe);
    String answer = answerOf(chloe, second, videos);
    assertEquals(303, chloe.post(second, Map.of("choice", answer)).status());
    Browser.Response good = chloe.get(second);
    assertTrue(good.contains("Right! That is “" + answer + "”"), good.body());
    assertTrue(good.contains("Today: 1 right out of 2."), good.body());
    assertEquals(404, as("mrs.patel").get(second).status(), "a question belongs to the learner it was asked");
  }

  private static String newQuestion(Browser who) {
    Browser.Response r = who.get(OAK + "/practice");
    assertEquals(303, r.status(), r.body());
    return r.location();
  }

  private static List<String> choices(Browser.Response page) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("name=\"choice\" value=\"([^\"]+)\"").matcher(page.body());
    while (m.find()) out.add(m.group(1));
    return out;
  }

  /** Which word the question's video is, found the way a learner could not: by comparing the bytes with each upload. */
  private static String answerOf(Browser who, String question, Map<String, byte[]> videos) {
    byte[] shown = who.get(question + "/video").bytes();
    return videos.entrySet().stream().filter(e -> Arrays.equals(e.getValue(), shown)).map(Map.Entry::getKey).findFirst().orElseThrow();
  }

  @Test
  void captionsAreWebVttOnlyAndServedAsTextVtt() {
    Browser teacher = as("mrs.patel");
    String sign = upload(teacher, WILLOW, "Hello", mp4(30_000, 7));
    Browser.Response bad = teacher.multipart(sign + "/captions", Map.of("vtt", "1\n00:00:00,000 --> 00:00:02,000\nHello\n"), null, null, null, false);
    assertEquals(422, bad.status());
    assertTrue(bad.contains("Captions must be WebVTT"), "an SRT file is refused");
    assertTrue(bad.contains("Nothing was changed."), bad.body());
    assertEquals(404, teacher.get(sign + "/captions.vtt").status());
    String vtt = "WEBVTT\n\n00:00.000 --> 00:02.000\nHello <b>friend</b>\n";
    teacher.get(sign);
    assertEquals(303, teacher.multipart(sign + "/captions", Map.of(), "vttfile", "hello.vtt", ("\uFEFF" + vtt.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8), false).status());
    Browser.Response served = as("ben").get(sign + "/captions.vtt");
    assertEquals(200, served.status());
    assertEquals("text/vtt; charset=utf-8", served.header("Content-Type"));
    assertEquals("nosniff", served.header("X-Content-Type-Options"));
    assertEquals(vtt, served.body(), "the byte-order mark and CR line ends are dropped");
    assertTrue(as("ben").get(sign).contains("<track kind=\"captions\" src=\"" + sign + "/captions.vtt\""));
  }

  @Test
  void userTextIsEscapedAndThePlayerIsPlainHtml5() {
    Browser teacher = as("mrs.patel");
    String sign = upload(teacher, WILLOW, "<script>alert(1)</script>", mp4(30_000, 8));
    Browser.Response page = as("ben").get(sign);
    assertFalse(page.contains("<script>alert(1)"), "no script from a word");
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(page.contains("<video controls"), "a plain video element that plays without the script");
    assertTrue(page.contains("data-speed=\"0.5\""));
    assertTrue(page.contains("data-speed=\"0.75\""));
    assertTrue(page.contains("data-mirror"));
    assertTrue(page.contains("data-loop"));
    assertEquals(200, as("ben").get("/assets/signs/player.js").status());
    Browser.Response poster = as("ben").get(sign + "/poster");
    if (Posters.ffmpeg().isEmpty()) {
      assertEquals(303, poster.status(), "without ffmpeg there is no poster picture");
      assertEquals("/assets/signs/placeholder.svg", poster.location());
      assertEquals("image/svg+xml", as("ben").get("/assets/signs/placeholder.svg").header("Content-Type"));
    }
  }

  @Test
  void aPosterIsTakenWithFfmpegWhenTheMachineHasIt() throws IOException {
    Path fake = courtyard.home().resolve("fake-ffmpeg");
    // Stands in for ffmpeg: writes a small JPEG to its last argument, as "ffmpeg ... out.jpg" would.
    Files.writeString(fake, "#!/bin/sh\nfor last; do :; done\nprintf '\\377\\330\\377\\340fake-jpeg' > \"$last\"\n");
    assertTrue(fake.toFile().setExecutable(true));
    System.setProperty(Posters.PROPERTY, fake.toString());
    try {
      String sign = upload(as("mrs.patel"), WILLOW, "Poster", mp4(30_000, 9));
      Browser.Response poster = as("ben").get(sign + "/poster");
      assertEquals(200, poster.status(), poster.body());
      assertEquals("image/jpeg", poster.header("Content-Type"));
      assertNotNull(poster.bytes());
      assertTrue(as("ben").get(sign).contains("poster=\"" + sign + "/poster\""));
    } finally {
      System.clearProperty(Posters.PROPERTY);
    }
  }

  @Test
  void aRefusedFormComesBackWithItsMessagesAndWhatWasTypedAndSavesNothing() {
    Browser teacher = as("mrs.patel");
    String sign = upload(teacher, WILLOW, "Forms original", mp4(30_000, 12));
    teacher.get(sign);
    Map<String, String> edit = fields("", "classroom");
    edit.put("form", "edit");
    edit.put("gloss", "MY-TYPED-GLOSS");
    edit.put("tags", "a-tag-that-is-far-too-long-to-keep-here");
    Browser.Response refused = teacher.post(sign + "/edit", edit);
    assertEquals(422, refused.status(), refused.body());
    assertTrue(refused.contains("Type the English word or phrase the video signs."), refused.body());
    assertTrue(refused.contains("Each tag can be at most 30 letters long."), "every problem at once");
    assertTrue(refused.contains("value=\"MY-TYPED-GLOSS\""), "what was typed is kept");
    Browser.Response page = teacher.get(sign);
    assertTrue(page.contains("<h1>Forms original"), "nothing was changed");
    assertFalse(page.contains("MY-TYPED-GLOSS"));

    teacher.get(WILLOW + "/new");
    Browser.Response noVideo = teacher.multipart(WILLOW + "/new", fields("Typed but no video", "classroom"), null, null, null, false);
    assertEquals(422, noVideo.status());
    assertTrue(noVideo.contains("Choose the video file to upload."), noVideo.body());
    assertTrue(noVideo.contains("value=\"Typed but no video\""));
    assertFalse(teacher.get(WILLOW).contains("Typed but no video"));

    assertEquals(422, teacher.post(WILLOW + "/week", Map.of("sign", "not-a-number")).status(), "a bad choice is a message, not a crash");
  }
}
