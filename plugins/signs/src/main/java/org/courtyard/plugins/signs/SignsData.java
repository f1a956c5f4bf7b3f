package org.courtyard.plugins.signs;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.api.SpaceRef;
import org.courtyard.api.UserRef;
import org.courtyard.api.privacy.DataExport;
import org.courtyard.api.privacy.PersonalData;
import org.courtyard.api.service.ToolServices;

/**
 * What the gallery keeps about one person: the signs they added (their videos, posters and captions),
 * their practice answers, the galleries where a teacher let them add signs, and uploads they started
 * and never finished. Erasing deletes all of it, files included: a sign video shows the person who
 * added it. Where their name was kept as words on someone else's sign (who signs in it, who approved
 * it, who chose the sign of the week) it becomes "a former member"; those signs stay.
 */
final class SignsData implements PersonalData {
  static final String FORMER = "a former member";
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

  private String gallery(long spaceId) { return core.directory().space(spaceId).map(SpaceRef::name).orElse("a space that has gone"); }

  @Override
  public void export(long userId, DataExport out) {
    for (SignStore.Sign s : store.signsBy(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Gallery", gallery(s.spaceId()));
      m.put("Word or phrase", s.word());
      m.put("Gloss", s.gloss());
      m.put("Notes", s.notes());
      m.put("Category", s.category());
      m.put("Tags", s.tagList());
      m.put("Signed by", s.signer());
      m.put("Captions", store.captions(s.id()).orElse(""));
      m.put("Status", s.approved() ? "in the gallery" : "waiting for a teacher to approve it");
      m.put("Added", s.createdAt());
      m.put("Video file", "sign-" + s.id() + "." + Gallery.extension(s.videoType()));
      out.record("Sign added", m);
      out.file("Sign video", "sign-" + s.id() + "." + Gallery.extension(s.videoType()), s.videoKey());
      if (s.posterKey() != null) out.file("Sign picture", "sign-" + s.id() + ".jpg", s.posterKey());
    }
    for (SignStore.Answered a : store.practiceOf(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Gallery", gallery(a.spaceId()));
      m.put("Sign shown", a.word());
      m.put("Words offered", a.choices());
      m.put("Answer given", a.answer() == null ? "not answered" : a.answer());
      m.put("Right", a.correct() == null ? "" : a.correct() ? "yes" : "no");
      m.put("When", a.at());
      out.record("Practice answer", m);
    }
    for (long spaceId : store.uploaderIn(userId)) {
      out.record("Allowed to add signs", Map.of("Gallery", gallery(spaceId)));
    }
    for (UploadStore.Session s : uploads.of(userId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Gallery", gallery(s.spaceId()));
      m.put("File name", s.fileName());
      m.put("Word or phrase", s.details().word());
      m.put("Bytes sent", Math.max(0, s.received()) + " of " + s.totalSize());
      m.put("Started", uploads.startedAt(s.id()));
      out.record("Unfinished sign upload", m);
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
