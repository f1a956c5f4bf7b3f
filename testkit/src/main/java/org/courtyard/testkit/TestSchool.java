package org.courtyard.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;
import org.courtyard.api.service.Relationships;
import org.courtyard.core.audit.AuditLog;
import org.courtyard.core.db.Db;
import org.courtyard.core.identity.Accounts;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.roster.ImportService;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;

/**
 * A school of the installation, for arranging what a test needs without the core's classes: people,
 * classes and clubs, parents, memberships, and what an import did. Plugin tests use this (and
 * {@link TestClient} for everything a person does); they never import {@code org.courtyard.core}.
 * <pre>
 * TestSchool school = courtyard.school();                 // the demo school, oakfield
 * TestSpace art = school.addClass("Art club");
 * TestPerson zara = school.addLearner("Zara Ahmed");
 * art.addMember(zara, Role.MEMBER).addTool("forum");
 * TestPerson mum = school.addParentOf(zara);
 * TestClient browser = zara.signIn();
 * </pre>
 */
public final class TestSchool {
  private final CourtyardExtension courtyard;
  private final long id;

  TestSchool(CourtyardExtension courtyard, long id) {
    this.courtyard = courtyard;
    this.id = id;
  }

  private SpaceStore spaces() { return courtyard.get(SpaceStore.class); }

  private UserStore users() { return courtyard.get(UserStore.class); }

  public long id() { return id; }

  public String slug() { return asSpace().slug(); }

  /** The school's own space (the root of its tree). */
  public TestSpace asSpace() { return courtyard.space(id); }

  // ---- spaces

  /** A space by its address (e.g. "2-willow", "coding-club", "~chloe"). */
  public TestSpace space(String slug) {
    Space s = spaces().bySlug(slug).orElseThrow(() -> new IllegalArgumentException("There is no space " + slug));
    return courtyard.space(s.id());
  }

  /** The space an importer made for an id of the school's information system (e.g. "class:3b"). */
  public Optional<TestSpace> spaceWithExternalId(String externalId) {
    return courtyard.get(Db.class).queryOne("SELECT id FROM spaces WHERE school_id = ? AND external_id = ?", rs -> rs.getLong(1), id, externalId)
        .map(courtyard::space);
  }

  /** A class in the school (directly under it), with a slug made from the name. */
  public TestSpace addClass(String name) { return addSpace(SpaceKind.CLASS, name, asSpace()); }

  /** A club in the school. */
  public TestSpace addClub(String name) { return addSpace(SpaceKind.CLUB, name, asSpace()); }

  /** A space of any kind under another space of this school (a class in a year group…). */
  public TestSpace addSpace(SpaceKind kind, String name, TestSpace parent) {
    String base = slugOf(name);
    String slug = base;
    for (int i = 2; spaces().bySlug(slug).isPresent(); i++) slug = base + "-" + i;
    Space s = spaces().create(new SpaceStore.NewSpace(parent.id(), kind, slug, name, ""));
    return courtyard.space(s.id());
  }

  /** How many spaces the school has (itself, its classes, clubs, personal spaces…). */
  public long spaceCount() { return courtyard.get(Db.class).count("SELECT COUNT(*) FROM spaces WHERE school_id = ? OR id = ?", id, id); }

  // ---- people

  /** A person by username; the password is known for the demo accounts and those made here. */
  public TestPerson person(String username) {
    User u = users().byUsername(username).orElseThrow(() -> new IllegalArgumentException("There is no account " + username));
    return courtyard.person(u.id());
  }

  /** The account an importer made for an id of the school's information system (e.g. "L001", "parent:ann@home.example"). */
  public Optional<TestPerson> personWithExternalId(String externalId) {
    return courtyard.get(Db.class).queryOne("SELECT id FROM users WHERE school_id = ? AND external_id = ?", rs -> rs.getLong(1), id, externalId)
        .map(courtyard::person);
  }

  /** Everyone in the school. */
  public List<TestPerson> people() { return users().bySchool(id).stream().map(u -> courtyard.person(u.id())).toList(); }

  /** How many accounts the school has (switched off ones too). */
  public long peopleCount() { return courtyard.get(Db.class).count("SELECT COUNT(*) FROM users WHERE school_id = ?", id); }

  public TestPerson addLearner(String name) { return addPerson(UserKind.LEARNER, name, null); }

  /** A member of staff (teachers are staff; make them TEACHER of a space with {@link TestSpace#addMember}). */
  public TestPerson addTeacher(String name) { return addPerson(UserKind.STAFF, name, null); }

  /** A parent with full parental responsibility for the child, named "Parent of …". */
  public TestPerson addParentOf(TestPerson child) { return addParentOf(child, "Parent of " + child.displayName()); }

  public TestPerson addParentOf(TestPerson child, String name) { return addCarerOf(child, name, "Parent", Relationships.CarerLevel.FULL); }

  /** Another carer (a grandmother who only views, say): {@code relation} is how the school names them. */
  public TestPerson addCarerOf(TestPerson child, String name, String relation, Relationships.CarerLevel level) {
    TestPerson carer = addPerson(UserKind.PARENT, name, null);
    users().linkParent(carer.id(), child.id(), relation, level);
    return carer;
  }

  /** An account of any kind with a username made from the name, a password the testkit knows and a personal space. */
  public TestPerson addPerson(UserKind kind, String name, String email) {
    String base = slugOf(name).replace('-', '.');
    if (base.length() < 2) base = "person";
    String username = base;
    for (int i = 2; users().byUsername(username).isPresent(); i++) username = base + i;
    String password = "pw-" + UUID.randomUUID().toString().substring(0, 13);
    User u = courtyard.get(Accounts.class).create(new UserStore.NewUser(id, username, name, kind, email, password, null, false));
    courtyard.rememberPassword(u.id(), password);
    return courtyard.person(u.id());
  }

  // ---- imports (mis-* plugins)

  /** What became of an import run: PREVIEW, RUNNING, APPLIED, FAILED, REFUSED or UNDONE. */
  public String importStatus(long run) {
    return courtyard.get(ImportService.class).run(id, run).orElseThrow(() -> new IllegalArgumentException("There is no import " + run)).status().name();
  }

  /** The school's import runs, newest first. */
  public List<ImportRun> imports() {
    return courtyard.get(ImportService.class).history(id).stream().map(r -> new ImportRun(r.id(), r.status().name(), r.fileName())).toList();
  }

  public record ImportRun(long id, String status, String fileName) {}

  /**
   * Waits (up to a minute) for an import applied in the background (its Apply button pressed) to
   * finish; throws {@link ExecutionException} when the import failed.
   */
  public void awaitImport(long run) throws ExecutionException, InterruptedException, TimeoutException {
    Optional<CompletableFuture<Void>> job = courtyard.get(ImportService.class).job(run);
    if (job.isEmpty()) throw new IllegalStateException("The import " + run + " is not running on this node (was Apply pressed?)");
    job.get().get(60, TimeUnit.SECONDS);
  }

  // ---- audit

  /** The school's audit log, newest first: what was done, by whom, to whom. */
  public List<AuditEntry> auditLog() {
    return courtyard.get(AuditLog.class).find(id, AuditLog.Filter.ALL, 500).stream()
        .map(e -> new AuditEntry(e.action().name(), e.actorName(), e.subjectName(), e.detail())).toList();
  }

  /** One line of the audit log: the action's name (e.g. IMPORT_APPLIED), the actor and subject as shown, the detail. */
  public record AuditEntry(String action, String actor, String subject, String detail) {}

  private static String slugOf(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "space" : s.length() > 60 ? s.substring(0, 60) : s;
  }

  @Override public boolean equals(Object o) { return o instanceof TestSchool s && s.id == id; }

  @Override public int hashCode() { return Long.hashCode(id); }

  @Override public String toString() { return "school " + slug(); }
}
