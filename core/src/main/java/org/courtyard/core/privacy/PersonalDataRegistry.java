package org.courtyard.core.privacy;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.courtyard.api.privacy.PersonalData;
import org.courtyard.core.plugins.Registration;

/** Every running tool's answer to subject access and erasure, by tool id (the core's own is {@code core}). */
@Singleton
public final class PersonalDataRegistry {
  /** One tool's privacy hooks; {@code title} is what the download's headings say (in English), {@code bundle} its messages (null: the core's). */
  public record Entry(String toolId, String title, PersonalData data, org.courtyard.core.i18n.MessageBundle bundle) {}

  private final Map<String, Entry> byTool = new ConcurrentHashMap<>();

  public Registration add(String toolId, String title, PersonalData data) { return add(toolId, title, data, null); }

  public Registration add(String toolId, String title, PersonalData data, org.courtyard.core.i18n.MessageBundle bundle) {
    Entry e = new Entry(toolId, title, data, bundle);
    if (byTool.putIfAbsent(toolId, e) != null) throw new IllegalStateException(toolId + " already declared its personal data");
    return () -> byTool.remove(toolId, e);
  }

  /** The core first, then the tools by title. */
  public List<Entry> all() {
    List<Entry> out = new ArrayList<>(byTool.values());
    out.sort(Comparator.comparing((Entry e) -> !"core".equals(e.toolId())).thenComparing(Entry::title));
    return out;
  }
}
