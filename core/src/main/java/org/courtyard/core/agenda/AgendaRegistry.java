package org.courtyard.core.agenda;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.courtyard.api.agenda.Agenda;
import org.courtyard.core.plugins.Registration;

/** Every running tool's {@link Agenda}, by tool id; the handle a tool gets back takes its agenda away again. */
@Singleton
public final class AgendaRegistry {
  /** One tool's agenda. */
  public record Entry(String toolId, Agenda agenda) {}

  private final Map<String, Entry> byTool = new ConcurrentHashMap<>();

  public Registration add(String toolId, Agenda agenda) {
    Entry e = new Entry(toolId, agenda);
    if (byTool.putIfAbsent(toolId, e) != null) throw new IllegalStateException(toolId + " already declared its agenda");
    return () -> byTool.remove(toolId, e);
  }

  public List<Entry> all() { return List.copyOf(byTool.values()); }
}
