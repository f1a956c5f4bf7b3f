package org.courtyard.core.spaces;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.event.MemberAdded;
import org.courtyard.api.event.MemberRemoved;
import org.courtyard.api.event.SpaceCreated;
import org.courtyard.api.event.ToolAddedToSpace;
import org.courtyard.core.cache.RequestMemo;
import org.courtyard.core.db.Db;
import org.courtyard.core.events.EventHub;
import org.courtyard.core.identity.User;
import org.courtyard.core.relationships.RelationshipsChanged;

/** The space tree, memberships and each space's tools. */
@Singleton
public final class SpaceStore {
  private static final String COLUMNS = "id, parent_id, school_id, kind, slug, name, description, owner_user_id, archived, parents_allowed, picture_code";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Db db;
  private final EventHub events;

  @Inject
  public SpaceStore(Db db, EventHub events) {
    this.db = db;
    this.events = events;
  }

  public record NewSpace(Long parentId, SpaceKind kind, String slug, String name, String description) {}

  /** A new school: a root space with its branding row. */
  public Space createSchool(String slug, String name) {
    return db.transaction(() -> {
      Space school = insert(null, null, SpaceKind.SCHOOL, slug, name, "", null);
      db.update("UPDATE spaces SET school_id = id WHERE id = ?", school.id());
      db.update("INSERT INTO schools (space_id) VALUES (?)", school.id());
      return byId(school.id()).orElseThrow();
    });
  }

  public Space create(NewSpace n) {
    if (n.kind() == SpaceKind.SCHOOL) throw new IllegalArgumentException("Create schools with createSchool.");
    if (n.kind() == SpaceKind.PERSONAL) throw new IllegalArgumentException("Personal spaces come with each account.");
    Long schoolId = null;
    if (n.parentId() != null) {
      Space parent = byId(n.parentId()).orElseThrow(() -> new IllegalArgumentException("The parent space does not exist."));
      schoolId = parent.schoolId();
    } else if (n.kind() != SpaceKind.CLUSTER) {
      throw new IllegalArgumentException("Only cluster spaces stand outside a school.");
    }
    return insert(n.parentId(), schoolId, n.kind(), n.slug(), n.name(), n.description(), null);
  }

  /** Every user has a personal space, slug {@code ~username}. */
  public Space ensurePersonalSpace(User user) {
    String slug = "~" + user.username();
    return bySlug(slug).orElseGet(() -> insert(null, user.schoolId(), SpaceKind.PERSONAL, slug, user.displayName(), "", user.id()));
  }

  private Space insert(Long parentId, Long schoolId, SpaceKind kind, String slug, String name, String description, Long owner) {
    String s = normaliseSlug(slug);
    boolean personal = kind == SpaceKind.PERSONAL;
    if (!(personal ? s.matches("~[a-z0-9][a-z0-9._-]{1,79}") : s.matches("[a-z0-9][a-z0-9-]{0,79}"))) {
      throw new IllegalArgumentException("A web address uses lower-case letters, digits and '-' (e.g. year-3-oak).");
    }
    if (name == null || name.isBlank()) throw new IllegalArgumentException("Enter a name for the space.");
    if (bySlug(s).isPresent()) throw new IllegalArgumentException("The web address '" + s + "' is already used.");
    boolean parentsAllowed = kind != SpaceKind.STAFF && kind != SpaceKind.GOVERNORS;
    String pictureCode = kind == SpaceKind.CLASS ? newCode() : null;
    long id = db.insert("INSERT INTO spaces (parent_id, school_id, kind, slug, name, description, owner_user_id, parents_allowed, picture_code)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        parentId, schoolId, kind, s, name.trim(), description == null ? "" : description.trim(), owner, parentsAllowed, pictureCode);
    events.publishAfterCommit(new SpaceCreated(id, schoolId == null ? 0 : schoolId, kind));
    return byId(id).orElseThrow();
  }

  public Optional<Space> byId(long id) {
    return RequestMemo.get(() -> db.queryOne("SELECT " + COLUMNS + " FROM spaces WHERE id = ?", SpaceStore::map, id), "space", id);
  }

  public Optional<Space> bySlug(String slug) {
    return db.queryOne("SELECT " + COLUMNS + " FROM spaces WHERE slug = ?", SpaceStore::map, normaliseSlug(slug));
  }

  public Optional<Space> byPictureCode(String code) {
    return db.queryOne("SELECT " + COLUMNS + " FROM spaces WHERE picture_code = ? AND archived = FALSE", SpaceStore::map, code);
  }

  public List<Space> schools() {
    return db.query("SELECT " + COLUMNS + " FROM spaces WHERE kind = 'SCHOOL' ORDER BY name", SpaceStore::map);
  }

  public List<Space> children(long parentId) {
    return db.query("SELECT " + COLUMNS + " FROM spaces WHERE parent_id = ? ORDER BY kind, name", SpaceStore::map, parentId);
  }

  /** Every non-personal space of a school, for admin lists. */
  public List<Space> inSchool(long schoolId) {
    return db.query("SELECT " + COLUMNS + " FROM spaces WHERE school_id = ? AND kind <> 'PERSONAL' ORDER BY name", SpaceStore::map, schoolId);
  }

  public List<Space> ofKind(long schoolId, SpaceKind kind) {
    return db.query("SELECT " + COLUMNS + " FROM spaces WHERE school_id = ? AND kind = ? ORDER BY name", SpaceStore::map, schoolId, kind);
  }

  /** From the root down to the space's parent. */
  public List<Space> ancestors(Space space) {
    List<Space> chain = new ArrayList<>();
    Long parent = space.parentId();
    int guard = 0;
    while (parent != null && guard++ < 32) {
      Space p = byId(parent).orElse(null);
      if (p == null) break;
      chain.add(0, p);
      parent = p.parentId();
    }
    return chain;
  }

  public void update(long id, String name, String description, boolean parentsAllowed) {
    RequestMemo.clear();
    if (name == null || name.isBlank()) throw new IllegalArgumentException("Enter a name for the space.");
    db.update("UPDATE spaces SET name = ?, description = ?, parents_allowed = ? WHERE id = ?", name.trim(), description == null ? "" : description.trim(), parentsAllowed, id);
  }

  public void setArchived(long id, boolean archived) {
    RequestMemo.clear();
    boolean was = byId(id).map(Space::archived).orElse(archived);
    db.update("UPDATE spaces SET archived = ? WHERE id = ?", archived, id);
    relationshipsChanged(id);
    if (archived && !was) events.publishAfterCommit(new org.courtyard.api.event.SpaceArchived(id));
  }

  public void setParent(long id, Long parentId) {
    RequestMemo.clear();
    db.update("UPDATE spaces SET parent_id = ? WHERE id = ?", parentId, id);
    relationshipsChanged(id);
  }

  /** An archived or moved group changes who teaches whom. */
  private void relationshipsChanged(long spaceId) {
    byId(spaceId).ifPresent(s -> events.publishAfterCommit(new RelationshipsChanged(s.schoolId() == null ? 0 : s.schoolId())));
  }

  // --- memberships ---

  public void addMember(long spaceId, long userId, Role role, boolean cascades) { addMember(spaceId, userId, role, cascades, "manual"); }

  public void addMember(long spaceId, long userId, Role role, boolean cascades, String source) {
    if (byId(spaceId).map(Space::personal).orElse(false)) throw new IllegalArgumentException("Personal spaces have no members: each belongs to one person.");
    RequestMemo.clear();
    db.transaction(() -> {
      int changed = db.update("UPDATE memberships SET role = ?, cascades = ? WHERE space_id = ? AND user_id = ?", role, cascades, spaceId, userId);
      if (changed == 0) {
        db.update("INSERT INTO memberships (space_id, user_id, role, cascades, source) VALUES (?, ?, ?, ?, ?)", spaceId, userId, role, cascades, source);
      }
      events.publishAfterCommit(new MemberAdded(spaceId, userId, role));
      return null;
    });
  }

  public void removeMember(long spaceId, long userId) {
    RequestMemo.clear();
    if (db.update("DELETE FROM memberships WHERE space_id = ? AND user_id = ?", spaceId, userId) > 0) {
      events.publishAfterCommit(new MemberRemoved(spaceId, userId));
    }
  }

  public List<Membership> members(long spaceId) {
    return db.query("SELECT space_id, user_id, role, cascades, source FROM memberships WHERE space_id = ?", SpaceStore::mapMembership, spaceId);
  }

  public Optional<Membership> membership(long spaceId, long userId) {
    return RequestMemo.get(() -> db.queryOne("SELECT space_id, user_id, role, cascades, source FROM memberships WHERE space_id = ? AND user_id = ?",
        SpaceStore::mapMembership, spaceId, userId), "membership", spaceId, userId);
  }

  public List<Membership> membershipsOf(long userId) {
    return db.query("SELECT space_id, user_id, role, cascades, source FROM memberships WHERE user_id = ?", SpaceStore::mapMembership, userId);
  }

  /** The spaces a user belongs to directly, by name. */
  public List<Space> spacesOf(long userId) {
    return db.query("SELECT s." + COLUMNS.replace(", ", ", s.") + " FROM spaces s JOIN memberships m ON m.space_id = s.id"
        + " WHERE m.user_id = ? ORDER BY s.name", SpaceStore::map, userId);
  }

  // --- tools ---

  public Set<String> tools(long spaceId) {
    return RequestMemo.get(() -> new TreeSet<>(db.query("SELECT tool_id FROM space_tools WHERE space_id = ?", rs -> rs.getString(1), spaceId)), "tools", spaceId);
  }

  public void addTool(long spaceId, String toolId) {
    RequestMemo.clear();
    if (db.count("SELECT COUNT(*) FROM space_tools WHERE space_id = ? AND tool_id = ?", spaceId, toolId) == 0) {
      db.update("INSERT INTO space_tools (space_id, tool_id) VALUES (?, ?)", spaceId, toolId);
      events.publishAfterCommit(new ToolAddedToSpace(spaceId, toolId));
    }
  }

  public void removeTool(long spaceId, String toolId) {
    RequestMemo.clear();
    if (db.update("DELETE FROM space_tools WHERE space_id = ? AND tool_id = ?", spaceId, toolId) > 0) {
      events.publishAfterCommit(new org.courtyard.api.event.ToolRemovedFromSpace(spaceId, toolId));
    }
  }

  public String regeneratePictureCode(long spaceId) {
    RequestMemo.clear();
    String code = newCode();
    db.update("UPDATE spaces SET picture_code = ? WHERE id = ?", code, spaceId);
    return code;
  }

  public long count() { return db.count("SELECT COUNT(*) FROM spaces"); }

  /** How many spaces of each kind a school has, for the admin overview. */
  public java.util.Map<SpaceKind, Long> countsByKind(long schoolId) {
    java.util.Map<SpaceKind, Long> m = new java.util.EnumMap<>(SpaceKind.class);
    db.query("SELECT kind, COUNT(*) FROM spaces WHERE school_id = ? GROUP BY kind", rs -> m.put(SpaceKind.valueOf(rs.getString(1)), rs.getLong(2)), schoolId);
    return m;
  }

  public static String normaliseSlug(String slug) { return slug == null ? "" : slug.trim().toLowerCase(Locale.ROOT); }

  private static String newCode() {
    byte[] b = new byte[9];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  static Space map(ResultSet rs) throws SQLException {
    long parent = rs.getLong("parent_id");
    Long parentId = rs.wasNull() ? null : parent;
    long school = rs.getLong("school_id");
    Long schoolId = rs.wasNull() ? null : school;
    long owner = rs.getLong("owner_user_id");
    Long ownerId = rs.wasNull() ? null : owner;
    return new Space(rs.getLong("id"), parentId, schoolId, SpaceKind.valueOf(rs.getString("kind")), rs.getString("slug"),
        rs.getString("name"), rs.getString("description"), ownerId, rs.getBoolean("archived"), rs.getBoolean("parents_allowed"),
        rs.getString("picture_code"));
  }

  static Membership mapMembership(ResultSet rs) throws SQLException {
    return new Membership(rs.getLong("space_id"), rs.getLong("user_id"), Role.valueOf(rs.getString("role")), rs.getBoolean("cascades"), rs.getString("source"));
  }
}
