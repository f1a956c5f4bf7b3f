package org.courtyard.plugins.signs;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.i18n.Texts;
import org.courtyard.api.privacy.DataExport;
import org.courtyard.api.privacy.PersonalData;
import org.courtyard.api.service.ToolServices;

/**
 * What the gallery keeps about one person: the signs they added (their videos, posters and captions),
 * their practice answers, the galleries where a teacher let them add signs, and uploads they started
 * and never finished. Erasing deletes all of it, files included: a sign video shows the person who
 * added it. Where their name was kept as words on someone else's sign (who signs in it, who approved
 * it, who chose the sign of the week) it becomes a marker, shown to each reader as "a former member"
 * in their own language; those signs stay.
 */
final class SignsData implements PersonalData {
  /**
   * Stored in place of an erased person's name where it was kept as words. It is a marker, not what a
   * reader sees: pages show {@link #FORMER_MEMBER} in the reader's language. Rows erased before 2.1 hold
   * the same English words, so they read the same way.
   */
  static final String FORMER = "a former member";
  static final Message FORMER_MEMBER = Message.of("signs.former.member");
  private final SignStore store;
  private final UploadStore uploads;
  private final Gallery gallery;
  private final ToolServices core;

  @Inject
  SignsData(SignStore store, UploadStore uploads, Gallery gallery, ToolServices core) {
    this.store = store;
    this.uploads = uploads;
    this.gallery = gallery;
    this.core = core;
  }

  /** A name kept as words on a sign, or "a former member" in the reader's language where an erased person's was. */
  static String signer(Texts t, String kept) { return FORMER.equals(kept) ? t.text(FORMER_MEMBER) : kept; }

  /** A record's or field's name (or a value that is the gallery's own words), in the language of the person the download is about. */
  private static String w(DataExport out, String key, Object... args) { return out.text(Message.of("signs.data." + key), args); }

  private String gallery(DataExport out, long spaceId) {
    return core.directory().space(spaceId).map(SpaceRef::name).orElseGet(() -> w(out, "spaceGone"));
  }

  @Override
  public void export(long userId, DataExport out) {
    for (SignStore.Sign s : store.signsBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(w(out, "gallery"), gallery(out, s.spaceId()));
      m.put(w(out, "word"), s.word());
      m.put(w(out, "gloss"), s.gloss());
      m.put(w(out, "notes"), s.notes());
      if (s.lang() != null) m.put(w(out, "language"), s.lang());
      m.put(w(out, "category"), s.category());
      m.put(w(out, "tags"), s.tagList());
      m.put(w(out, "signedBy"), signer(out, s.signer()));
      m.put(w(out, "captions"), store.captions(s.id()).orElse(""));
      m.put(w(out, "status"), w(out, s.approved() ? "statusInGallery" : "statusWaiting"));
      m.put(w(out, "added"), s.createdAt());
      m.put(w(out, "videoFile"), "sign-" + s.id() + "." + Gallery.extension(s.videoType()));
      out.record(w(out, "sign"), m);
      out.file(w(out, "video"), "sign-" + s.id() + "." + Gallery.extension(s.videoType()), s.videoKey());
      if (s.posterKey() != null) out.file(w(out, "picture"), "sign-" + s.id() + ".jpg", s.posterKey());
    }
    for (SignStore.Answered a : store.practiceOf(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(w(out, "gallery"), gallery(out, a.spaceId()));
      m.put(w(out, "signShown"), a.word());
      m.put(w(out, "wordsOffered"), a.choices());
      m.put(w(out, "answerGiven"), a.answer() == null ? w(out, "notAnswered") : a.answer());
      m.put(w(out, "right"), a.correct() == null ? "" : w(out, a.correct() ? "yes" : "no"));
      m.put(w(out, "when"), a.at());
      out.record(w(out, "practice"), m);
    }
    for (long spaceId : store.uploaderIn(userId)) {
      out.record(w(out, "allowed"), Map.of(w(out, "gallery"), gallery(out, spaceId)));
    }
    for (UploadStore.Session s : uploads.of(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(w(out, "gallery"), gallery(out, s.spaceId()));
      m.put(w(out, "fileName"), s.fileName());
      m.put(w(out, "word"), s.details().word());
      if (s.details().lang() != null) m.put(w(out, "language"), s.details().lang());
      m.put(w(out, "bytesSent"), w(out, "bytesOf", "sent", Math.max(0, s.received()), "size", s.totalSize()));
      m.put(w(out, "started"), uploads.startedAt(s.id()));
      out.record(w(out, "unfinished"), m);
    }
  }

  @Override
  public long erase(long userId) {
    long n = 0;
    for (SignStore.Sign s : store.signsBy(userId)) {
      gallery.deleteFiles(store.delete(s));
      n++;
    }
    for (UploadStore.Session s : uploads.of(userId)) {
      gallery.deleteFiles(uploads.delete(s.id()));
      n++;
    }
    n += store.deletePracticeOf(userId);
    n += store.removeUploader(userId);
    String name = core.directory().user(userId).map(UserRef::displayName).orElse("");
    if (!name.isBlank() && !name.equals(FORMER) && !name.equals("Deleted user")) n += store.replaceName(name, FORMER);
    return n;
  }
}
