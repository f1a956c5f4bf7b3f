package org.courtyard.core.roster;

import org.courtyard.api.i18n.Message;
import org.courtyard.api.i18n.Texts;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.courtyard.api.Role;
import org.courtyard.api.UserKind;
import org.courtyard.core.db.Db;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;

/**
 * What an applied import changed: the before-state of every account, space, membership and parent
 * link it touched (or that it made the row), kept in {@code import_changes} in the same transaction as
 * the import, so the run can be undone exactly. Undoing never deletes an account or a space: what the
 * import made is switched off or archived, so nothing anyone saved in the meantime is lost.
 */
@Singleton
public final class ImportJournal {
  enum Subject { USER, SPACE, MEMBERSHIP, PARENT_LINK }

  private final Db db;
  private final UserStore users;
  private final SpaceStore spaces;

  @Inject
  public ImportJournal(Db db, UserStore users, SpaceStore spaces) {
    this.db = db;
    this.users = users;
    this.spaces = spaces;
  }

  /** One run's recorder: each row is recorded once, as it was before the run first touched it. */
  final class Recorder {
    private final long runId;
    private final Set<List<Object>> seen = new HashSet<>();

    Recorder(long runId) { this.runId = runId; }

    /** The run made this account or space. */
    void created(Subject subject, long id) {
      if (seen.add(List.of(subject, id, 0L))) insert(runId, subject, false, id, null, null);
    }

    /** The run is about to change this row (or to make it, if it is not there yet). */
    void before(Subject subject, long id, Long other) {
      if (!seen.add(List.of(subject, id, other == null ? 0L : other))) return;
      Optional<JsonObject> state = switch (subject) {
        case USER -> db.queryOne("SELECT display_name, kind, email, disabled FROM users WHERE id = ?",
            rs -> new JsonObject().put("name", rs.getString(1)).put("kind", rs.getString(2)).put("email", rs.getString(3)).put("disabled", rs.getBoolean(4)), id);
        case SPACE -> db.queryOne("SELECT name, parent_id, archived FROM spaces WHERE id = ?", rs -> {
          long parent = rs.getLong(2);
          return new JsonObject().put("name", rs.getString(1)).put("parent", rs.wasNull() ? null : parent).put("archived", rs.getBoolean(3));
        }, id);
        case MEMBERSHIP -> db.queryOne("SELECT role, cascades, source FROM memberships WHERE space_id = ? AND user_id = ?",
            rs -> new JsonObject().put("role", rs.getString(1)).put("cascades", rs.getBoolean(2)).put("source", rs.getString(3)), id, other);
        case PARENT_LINK -> db.queryOne("SELECT source, carer_level, relation FROM parent_links WHERE parent_id = ? AND child_id = ?",
            rs -> new JsonObject().put("source", rs.getString(1)).put("level", rs.getString(2)).put("relation", rs.getString(3)), id, other);
      };
      insert(runId, subject, state.isPresent(), id, other, state.map(JsonObject::encode).orElse(null));
    }
  }

  Recorder recorder(long runId) { return new Recorder(runId); }

  private void insert(long runId, Subject subject, boolean wasThere, long id, Long other, String before) {
    db.update("INSERT INTO import_changes (run_id, subject, was_there, target_id, other_id, before_state) VALUES (?, ?, ?, ?, ?, ?)",
        runId, subject.name(), wasThere, id, other, before);
  }

  /** True when the run's changes were recorded (runs applied before Courtyard kept them were not). */
  boolean recorded(long runId) { return db.count("SELECT COUNT(*) FROM import_changes WHERE run_id = ?", runId) > 0; }

  /** What undoing did, counted for the ICT leader. */
  public record Undone(int switchedOn, int switchedOff, int accountsRestored, int spacesRestored, int spacesArchived,
                       int membershipsBack, int membershipsGone, int linksBack, int linksGone) {
    /** "2 accounts switched back on, 1 membership put back" in the words of {@code t}. */
    public String summary(Texts t) {
      List<String> parts = new java.util.ArrayList<>();
      part(t, parts, switchedOn, "switchedOn");
      part(t, parts, switchedOff, "switchedOff");
      part(t, parts, accountsRestored, "accountsRestored");
      part(t, parts, spacesRestored, "spacesRestored");
      part(t, parts, spacesArchived, "spacesArchived");
      part(t, parts, membershipsBack, "membershipsBack");
      part(t, parts, membershipsGone, "membershipsGone");
      part(t, parts, linksBack, "linksBack");
      part(t, parts, linksGone, "linksGone");
      return parts.isEmpty() ? t.text(Message.of("import.undone.nothing")) : String.join(", ", parts);
    }

    private static void part(Texts t, List<String> parts, int n, String what) {
      if (n > 0) parts.add(t.text(Message.of(UNDONE_PREFIX + what), "count", n));
    }

    private static final String UNDONE_PREFIX = "import.undone.";
  }

  private record Change(Subject subject, boolean wasThere, long id, Long other, JsonObject before) {}

  /** Puts every row the run touched back as it was, newest change first. Call inside the undo's transaction. */
  Undone undo(long runId) {
    List<Change> changes = db.query("SELECT subject, was_there, target_id, other_id, before_state FROM import_changes WHERE run_id = ? ORDER BY id DESC",
        rs -> {
          long other = rs.getLong(4);
          Long o = rs.wasNull() ? null : other;
          String json = rs.getString(5);
          return new Change(Subject.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getLong(3), o, json == null ? null : new JsonObject(json));
        }, runId);
    int on = 0;
    int off = 0;
    int restored = 0;
    int spacesBack = 0;
    int archived = 0;
    int memBack = 0;
    int memGone = 0;
    int linkBack = 0;
    int linkGone = 0;
    for (Change c : changes) {
      switch (c.subject()) {
        case USER -> {
          if (!c.wasThere()) {
            users.setDisabled(c.id(), true);
            off++;
          } else {
            boolean wasDisabled = c.before().getBoolean("disabled");
            boolean nowDisabled = users.byId(c.id()).map(u -> u.disabled()).orElse(wasDisabled);
            users.update(c.id(), c.before().getString("name"), UserKind.valueOf(c.before().getString("kind")), c.before().getString("email"));
            users.setDisabled(c.id(), wasDisabled);
            if (nowDisabled && !wasDisabled) on++;
            else restored++;
          }
        }
        case SPACE -> {
          if (!c.wasThere()) {
            spaces.setArchived(c.id(), true);
            archived++;
          } else {
            Space now = spaces.byId(c.id()).orElseThrow();
            spaces.update(c.id(), c.before().getString("name"), now.description(), now.parentsAllowed());
            spaces.setParent(c.id(), c.before().getLong("parent"));
            spaces.setArchived(c.id(), c.before().getBoolean("archived"));
            spacesBack++;
          }
        }
        case MEMBERSHIP -> {
          if (!c.wasThere()) {
            spaces.removeMember(c.id(), c.other());
            memGone++;
          } else {
            spaces.addMember(c.id(), c.other(), Role.valueOf(c.before().getString("role")), c.before().getBoolean("cascades"), c.before().getString("source"));
            memBack++;
          }
        }
        case PARENT_LINK -> {
          if (!c.wasThere()) {
            users.unlinkParent(c.id(), c.other());
            linkGone++;
          } else {
            if (db.count("SELECT COUNT(*) FROM parent_links WHERE parent_id = ? AND child_id = ?", c.id(), c.other()) == 0) {
              db.update("INSERT INTO parent_links (parent_id, child_id, source, carer_level, relation) VALUES (?, ?, ?, ?, ?)",
                  c.id(), c.other(), c.before().getString("source"), c.before().getString("level"), c.before().getString("relation"));
            }
            linkBack++;
          }
        }
      }
    }
    return new Undone(on, off, restored, spacesBack, archived, memBack, memGone, linkBack, linkGone);
  }
}
