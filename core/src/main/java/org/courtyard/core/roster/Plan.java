package org.courtyard.core.roster;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.i18n.Message;
import org.courtyard.api.i18n.Texts;
import org.courtyard.api.roster.Roster;

/** What an import would change, row by row; computed without changing anything. */
public final class Plan {
  public enum Action { ADD, UPDATE, LEAVER, RESTORE, UNCHANGED, REMOVE, REJECTED }

  public enum Subject { PERSON, GROUP, MEMBERSHIP, PARENT_LINK, RECORD }

  /** One row of the preview. {@code changes} lists changed fields as "field: old → new". */
  public record Row(Action action, Subject subject, String externalId, String name, List<String> changes, String where) {}

  final Roster roster;
  final Roster.Scope mode;
  final List<Row> rows = new ArrayList<>();

  Plan(Roster roster, Roster.Scope mode) {
    this.roster = roster;
    this.mode = mode;
  }

  /** What the ICT leader said the file holds, which decides what being missing from it means. */
  public Roster.Scope mode() { return mode; }

  /** What the file itself says it holds, or null when it cannot say (a spreadsheet). */
  public Roster.Scope declared() { return roster.declared(); }

  /** The accounts applying would switch off. */
  public List<Row> switchOffs() {
    return rows.stream().filter(r -> r.action() == Action.LEAVER && r.subject() == Subject.PERSON).toList();
  }

  /** The classes and year groups applying would archive. */
  public List<Row> archives() {
    return rows.stream().filter(r -> r.action() == Action.REMOVE && r.subject() == Subject.GROUP).toList();
  }

  /** True when applying needs the ICT leader's explicit yes: it would switch someone off or archive something. */
  public boolean needsConfirmation() { return !switchOffs().isEmpty() || !archives().isEmpty(); }

  void add(Action action, Subject subject, String externalId, String name, List<String> changes, String where) {
    rows.add(new Row(action, subject, externalId, name, List.copyOf(changes), where));
  }

  public List<Row> rows() { return List.copyOf(rows); }

  public List<Row> rows(Action action) { return rows.stream().filter(r -> r.action() == action).toList(); }

  public Map<Action, Integer> counts() {
    Map<Action, Integer> m = new EnumMap<>(Action.class);
    for (Action a : Action.values()) m.put(a, 0);
    for (Row r : rows) m.merge(r.action(), 1, Integer::sum);
    return m;
  }

  /** True when applying would change nothing. */
  public boolean nothingToDo() {
    return rows.stream().allMatch(r -> r.action() == Action.UNCHANGED || r.action() == Action.REJECTED);
  }

  /** "3 to add, 1 to update, …" in the words of {@code t}. */
  public String summary(Texts t) {
    Map<Action, Integer> c = counts();
    return t.text(Message.of("import.summary.counts"), "add", c.get(Action.ADD), "update", c.get(Action.UPDATE), "leavers", c.get(Action.LEAVER),
        "returning", c.get(Action.RESTORE), "remove", c.get(Action.REMOVE), "unchanged", c.get(Action.UNCHANGED), "rejected", c.get(Action.REJECTED));
  }
}
