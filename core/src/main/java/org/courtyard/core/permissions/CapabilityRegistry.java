package org.courtyard.core.permissions;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.courtyard.api.Capability;
import org.courtyard.api.Role;

/** Every capability the core and the enabled plugins declare, with who declared it. */
@Singleton
public final class CapabilityRegistry {
  public static final String CORE = "core";

  /** Capabilities the core itself declares. */
  public static final Capability SPACE_VIEW = new Capability("space.view", "See the space and its tools", Role.VIEWER, true);
  public static final Capability SPACE_MEMBERS = new Capability("space.members", "See who belongs to the space", Role.MEMBER, true);
  public static final Capability SPACE_MANAGE = new Capability("space.manage", "Change the space: name, tools, members, permissions, settings", Role.OWNER, false);
  public static final Capability SPACE_RESULTS = new Capability("space.results", "See every learner's results in the space's markbook", Role.TEACHER, true);
  public static final Capability SCHOOL_ADMIN = new Capability("school.admin", "Run the school: plugins, users, spaces, branding (on the school space)", Role.OWNER, false);

  private record Entry(String owner, Capability capability) {}

  private final Map<String, Entry> byId = new ConcurrentHashMap<>();

  public CapabilityRegistry() {
    for (Capability c : List.of(SPACE_VIEW, SPACE_MEMBERS, SPACE_MANAGE, SPACE_RESULTS, SCHOOL_ADMIN)) register(CORE, c);
  }

  /** Declares a capability; the handle takes it away again. */
  public org.courtyard.core.plugins.Registration register(String owner, Capability capability) {
    Entry entry = new Entry(owner, capability);
    Entry existing = byId.putIfAbsent(capability.id(), entry);
    if (existing != null && !existing.owner().equals(owner)) {
      throw new IllegalStateException("Capability " + capability.id() + " is already declared by " + existing.owner());
    }
    Entry held = existing != null ? existing : entry;
    return () -> byId.remove(capability.id(), held);
  }


  public Optional<Capability> find(String id) { return Optional.ofNullable(byId.get(id)).map(Entry::capability); }

  public List<Capability> ownedBy(String owner) {
    List<Capability> out = new ArrayList<>();
    byId.values().stream().filter(e -> e.owner().equals(owner)).forEach(e -> out.add(e.capability()));
    out.sort(Comparator.comparing(Capability::id));
    return out;
  }

  public List<Capability> all() {
    List<Capability> out = new ArrayList<>(byId.values().stream().map(Entry::capability).toList());
    out.sort(Comparator.comparing(Capability::id));
    return out;
  }
}
