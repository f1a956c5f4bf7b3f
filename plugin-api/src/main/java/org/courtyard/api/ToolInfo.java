package org.courtyard.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a tool is, declared as data: id, title, description, icon, the kinds of space it suits,
 * its capabilities and its settings. Capability names are local ({@code "post"}); the core
 * prefixes them with the tool id ({@code "forum.post"}).
 */
public final class ToolInfo {
  private final String id;
  private final String title;
  private final String description;
  private String icon = "🧩";
  private final Set<SpaceKind> suits = EnumSet.noneOf(SpaceKind.class);
  private final List<Capability> capabilities = new ArrayList<>();
  private final List<Setting<?>> settings = new ArrayList<>();
  private final List<NotificationKind> notifications = new ArrayList<>();

  private ToolInfo(String id, String title, String description) {
    if (!id.matches("[a-z][a-z0-9-]{1,30}")) throw new IllegalArgumentException("tool id must be lower-case letters, digits or '-': " + id);
    this.id = id;
    this.title = title;
    this.description = description;
  }

  public static ToolInfo of(String id, String title, String description) { return new ToolInfo(id, title, description); }

  /** An emoji or short text shown beside the title. */
  public ToolInfo icon(String icon) { this.icon = icon; return this; }

  public ToolInfo suits(SpaceKind... kinds) { Collections.addAll(suits, kinds); return this; }

  /** A capability that changes data; refused in archived spaces. */
  public ToolInfo capability(String name, String description, Role defaultRole) {
    capabilities.add(new Capability(id + "." + name, description, defaultRole, false));
    return this;
  }

  /** A capability that only reads; still granted in archived spaces. */
  public ToolInfo readCapability(String name, String description, Role defaultRole) {
    capabilities.add(new Capability(id + "." + name, description, defaultRole, true));
    return this;
  }

  /**
   * A read-only capability held by everyone, even visitors who are not signed in (e.g. a public
   * feed); the space owner may withhold it. Handlers see {@link org.courtyard.api.web.ToolRequest#signedIn()} false
   * for visitors, and must still decide what a visitor may see (e.g. only blogs marked public).
   */
  public ToolInfo openCapability(String name, String description) {
    capabilities.add(new Capability(id + "." + name, description, Role.VIEWER, true, true));
    return this;
  }

  /**
   * A capability held by every signed-in person of the space's school, whatever their role there (even
   * none): for tools that decide themselves who sees what, such as a portfolio whose owner opens each
   * collection to their teachers, parents, class or the whole school. The core still refuses visitors
   * and people of other schools.
   */
  public ToolInfo schoolCapability(String name, String description, boolean readOnly) {
    capabilities.add(new Capability(id + "." + name, description, Role.VIEWER, readOnly, false, true));
    return this;
  }

  /** A capability declared as a typed handle (see {@link CapabilityKey}). @since 2.0.0 */
  public ToolInfo capability(CapabilityKey key) {
    capabilities.add(key.of(id));
    return this;
  }

  /** Several capabilities declared as typed handles. @since 2.0.0 */
  public ToolInfo capabilities(CapabilityKey... keys) {
    for (CapabilityKey k : keys) capability(k);
    return this;
  }

  public ToolInfo setting(Setting<?> setting) { settings.add(setting); return this; }

  /**
   * A kind of notification the tool sends ({@code "handed-in"}), so each person can choose how it
   * reaches them; {@code description} is the English for the choice ("A learner hands in work"), the
   * reader's language from the tool's message {@code <tool>.notify.kind.<kind>}.
   *
   * @since 2.2.0
   */
  public ToolInfo notification(String kind, String description) {
    if (!kind.matches("[a-z][a-z0-9-]{0,40}")) throw new IllegalArgumentException("a kind of notification is lower-case letters, digits and '-': " + kind);
    if (notifications.stream().anyMatch(n -> n.kind().equals(kind))) throw new IllegalArgumentException("two kinds of notification are named " + kind);
    notifications.add(new NotificationKind(kind, description));
    return this;
  }

  public String id() { return id; }
  public String title() { return title; }
  public String description() { return description; }
  public String icon() { return icon; }
  /** Empty means every kind of space. */
  public Set<SpaceKind> suits() { return Collections.unmodifiableSet(suits); }
  public List<Capability> capabilities() { return List.copyOf(capabilities); }
  public List<Setting<?>> settings() { return List.copyOf(settings); }

  /** @since 2.2.0 */
  public List<NotificationKind> notifications() { return List.copyOf(notifications); }

  /** Whether the tool suits this kind of space (named apart from the {@code suits(...)} builder, which one kind would otherwise call). */
  public boolean isSuitedTo(SpaceKind kind) { return suits.isEmpty() || suits.contains(kind); }
}
