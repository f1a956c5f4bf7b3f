package org.courtyard.examples.hello;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.privacy.DataExport;
import org.courtyard.api.privacy.PersonalData;

/**
 * The tool's part of the school's privacy duties: the core calls export for a subject access download
 * and erase when a person's data must go (on request, or when a leaver's retention time is over).
 */
final class HelloPersonalData implements PersonalData {
  private final NoteStore notes;

  static final Message KIND = Message.of("hello.data.kind");
  static final Message WRITTEN = Message.of("hello.data.written");
  static final Message NOTE = Message.of("hello.data.note");
  static final Message LANGUAGE = Message.of("hello.data.language");

  @Inject
  HelloPersonalData(NoteStore notes) { this.notes = notes; }

  @Override
  public void export(long userId, DataExport out) {
    // The download is read by the person it is about: its words come in their language (out.text).
    for (NoteStore.Note n : notes.by(userId)) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put(out.text(WRITTEN), n.at());
      fields.put(out.text(NOTE), n.body());
      if (n.lang() != null) fields.put(out.text(LANGUAGE), n.lang());
      out.record(out.text(KIND), fields);
    }
  }

  @Override
  public long erase(long userId) {
    // A note is only its author's words, so it goes entirely; running this twice removes nothing more.
    return notes.deleteBy(userId);
  }
}
