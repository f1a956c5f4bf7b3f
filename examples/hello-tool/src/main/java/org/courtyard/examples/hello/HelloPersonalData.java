package org.courtyard.examples.hello;

import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.api.privacy.DataExport;
import org.courtyard.api.privacy.PersonalData;

/**
 * The tool's part of the school's privacy duties: the core calls export for a subject access download
 * and erase when a person's data must go (on request, or when a leaver's retention time is over).
 */
final class HelloPersonalData implements PersonalData {
  private final NoteStore notes;

  @Inject
  HelloPersonalData(NoteStore notes) { this.notes = notes; }

  @Override
  public void export(long userId, DataExport out) {
    for (NoteStore.Note n : notes.by(userId)) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("Written", n.at());
      fields.put("Note", n.body());
      if (n.lang() != null) fields.put("Language", n.lang());
      out.record("Hello note", fields);
    }
  }

  @Override
  public long erase(long userId) {
    // A note is only its author's words, so it goes entirely; running this twice removes nothing more.
    return notes.deleteBy(userId);
  }
}
