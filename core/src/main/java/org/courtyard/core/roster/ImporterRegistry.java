package org.courtyard.core.roster;

import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.courtyard.api.roster.RosterImporter;

/** The roster importers of running plugins, with the plugin that added each. */
@Singleton
public final class ImporterRegistry {
  private record Entry(String pluginId, RosterImporter importer) {}

  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  /** Adds an importer; the handle takes it away again. */
  public org.courtyard.core.plugins.Registration add(String pluginId, RosterImporter importer) {
    if (find(importer.format()).isPresent()) {
      throw new IllegalStateException("An importer for format '" + importer.format() + "' is already installed.");
    }
    Entry e = new Entry(pluginId, importer);
    entries.add(e);
    return () -> entries.remove(e);
  }


  public Optional<RosterImporter> find(String format) {
    return entries.stream().map(Entry::importer).filter(i -> i.format().equalsIgnoreCase(format)).findFirst();
  }

  public List<RosterImporter> all() {
    return entries.stream().map(Entry::importer).sorted(Comparator.comparing(RosterImporter::title)).toList();
  }

  public List<String> formatsOf(String pluginId) {
    return entries.stream().filter(e -> e.pluginId().equals(pluginId)).map(e -> e.importer().format()).toList();
  }
}
