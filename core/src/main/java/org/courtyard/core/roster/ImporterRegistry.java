package org.courtyard.core.roster;

import jakarta.inject.Inject;
import org.courtyard.api.i18n.Texts;
import org.courtyard.core.i18n.MessageBundle;
import org.courtyard.core.i18n.Messages;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.courtyard.api.roster.RosterImporter;

/** The roster importers of running plugins, with the plugin that added each. */
@Singleton
public final class ImporterRegistry {
  private record Entry(String pluginId, RosterImporter importer, MessageBundle bundle) {}

  private final List<Entry> entries = new CopyOnWriteArrayList<>();
  private final Messages messages;

  @Inject
  public ImporterRegistry(Messages messages) { this.messages = messages; }

  /** Adds an importer without messages of its own (its problems come in English); the handle takes it away again. */
  public org.courtyard.core.plugins.Registration add(String pluginId, RosterImporter importer) { return add(pluginId, importer, null); }

  /** Adds an importer whose words are in {@code bundle} (its plugin's {@code messages/<plugin id>*.properties}). */
  public org.courtyard.core.plugins.Registration add(String pluginId, RosterImporter importer, MessageBundle bundle) {
    if (find(importer.format()).isPresent()) {
      throw new IllegalStateException("An importer for format '" + importer.format() + "' is already installed.");
    }
    Entry e = new Entry(pluginId, importer, bundle);
    entries.add(e);
    return () -> entries.remove(e);
  }


  public Optional<RosterImporter> find(String format) {
    return entries.stream().map(Entry::importer).filter(i -> i.format().equalsIgnoreCase(format)).findFirst();
  }

  public List<RosterImporter> all() {
    return entries.stream().map(Entry::importer).sorted(Comparator.comparing(RosterImporter::title)).toList();
  }

  /** The importer's words in {@code language}: its plugin's messages, then the core's. */
  public Texts texts(RosterImporter importer, String language) {
    MessageBundle bundle = entries.stream().filter(e -> e.importer() == importer).map(Entry::bundle).filter(b -> b != null).findFirst().orElse(null);
    return (message, namesAndValues) -> messages.format(bundle, language, message.key(), namesAndValues);
  }

  public List<String> formatsOf(String pluginId) {
    return entries.stream().filter(e -> e.pluginId().equals(pluginId)).map(e -> e.importer().format()).toList();
  }
}
