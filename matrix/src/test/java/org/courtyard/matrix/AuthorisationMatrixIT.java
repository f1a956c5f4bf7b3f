package org.courtyard.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.ext.web.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.api.Capability;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;
import org.courtyard.core.db.Db;
import org.courtyard.core.identity.Accounts;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.permissions.CapabilityRegistry;
import org.courtyard.core.plugins.PluginHost;
import org.courtyard.core.plugins.PluginStatus;
import org.courtyard.core.plugins.ToolRegistry;
import org.courtyard.core.services.SchoolStore;
import org.courtyard.core.spaces.Membership;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.core.web.ToolDispatch;
import org.courtyard.core.web.WebServer;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.PluginJar;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The authorisation matrix: every route on the running router of a real Courtyard with every shipped
 * plugin installed, asked by every kind of person, each answer checked against what the rules say.
 *
 * <h2>Where the routes come from</h2>
 * Nobody lists them here. The test reads {@link WebServer#routes()} (the live Vert.x router) after the
 * plugins started. A tool's route carries the capability it was declared with
 * ({@link ToolDispatch#CAPABILITY} metadata), so its expected answers follow from that capability's
 * declaration (minimum role, open, school-wide) and from who the person is in the space, worked out by
 * {@link Oracle} — a second, small copy of DESIGN.md's "Permissions: the one rule" written from the text,
 * never a call to {@code PermissionService} (that would only prove the code agrees with itself). A new
 * tool route joins by itself. A core route has no capability to read, so {@link #CORE} says who may use
 * it; a core route the table does not know fails the test by name (and so does a table entry no route
 * matches any more), so a new core route joins as soon as someone writes down who it is for.
 *
 * <h2>Who asks, and where</h2>
 * The demo school (Oakfield) plus a few people and spaces made here through the core's stores, and a
 * second school (Brookside) with its own admin, class and learner; see {@link #ACTORS} and
 * {@link #world()}. Each route with {@code :space} is asked in every target space where it exists: Class
 * 2 Willow, the chess club, Amira's personal space, and Brookside's class. Admin routes are asked for
 * both schools, and those naming a person or space by id also with Brookside's address and Oakfield's
 * id (another school's objects must be hidden, 404, even from an admin). Tool path ids are made up
 * (999999): the capability check comes before the tool's handler, so a 404 from the handler still
 * shows the person was let through.
 *
 * <h2>What counts as the right answer</h2>
 * <ul>
 *   <li>let through: anything but 401, 403 or a redirect to the sign-in page (a 404 for a made-up id,
 *       or 400/422 for an empty form, is "let through"; a 5xx is not an answer and counts as wrong);
 *       where a tool refuses some of those the core let through by a rule of its own, {@link #TOOLS_NARROW}
 *       says whom, and why;</li>
 *   <li>refused, not signed in: GET is sent to {@code /login}, POST gets 401 (a tool's open capability,
 *       such as the blog feed, answers 401 to both, since its route does not require sign-in);</li>
 *   <li>refused, signed in: 403; 404 where the core hides that something exists (another school's person or
 *       space on a school admin's own pages; the table and {@link #coreProbes} say where).</li>
 * </ul>
 * Every route is asked with GET by everyone. A POST is sent — with a valid CSRF token, so it is the
 * authorisation that refuses it and not the token check — only by people who should be refused: a
 * POST that is let through would change the shared data the rest of the matrix reads, so allowed POSTs
 * are counted, not sent. {@link #refusedPostsChangeNothing} checks representative refused POSTs changed
 * nothing; the matrix then sends every refused POST on its own and checks no table's row count (sessions
 * aside) and no archived, disabled or parents-allowed flag moved.
 * Every mismatch is listed in one failure message, one line per (route, place, person, expected, got).
 *
 * <h2>Beyond the route table</h2>
 * {@link #objectsOfOneSpaceAreNotReachableThroughAnother} asks real object ids of one class through
 * another space; {@link #schoolsStayApartInWhatPagesNameAndForms} and
 * {@link #aLearnersOwnSpaceGivesNoPowerOverOthers} try what a route's capability cannot show. Answers that
 * are wrong today are named in {@link #KNOWN_BUGS}: printed at each run, and the test fails when one is
 * fixed, so its entry is removed and the check guards the fix. One installation serves the whole class;
 * the tests run in order because the last ones change data.
 *
 * <h2>Why a module of its own</h2>
 * The testkit's own tests run without any plugin, and each plugin's tests install only that plugin. This
 * module depends on every plugin module (test scope, which orders the reactor and resolves each jar) but
 * keeps their classes off its class path, and installs the built jars into the server's {@code plugins/}
 * exactly as a school would; {@link #everyShippedPluginIsInstalled} checks the list against
 * {@code dist/pom.xml}, so a new shipped plugin cannot be left out. It runs in {@code mvn verify}, on
 * Derby and, through {@code ./run-tests}, on PostgreSQL.
 *
 * <h2>Rules that are about to change</h2>
 * Encoded as DESIGN.md states them today. When personal spaces stop taking members, or "teacher of"
 * comes from the relationships model: {@link Oracle#role} (where a role comes from),
 * {@link Oracle#ownerOrTheirTeacher} (the portfolio's "their teachers": teaching groups, never clubs) and
 * the {@link #ACTORS}' descriptions follow the core's relationships model (docs/DESIGN.md, "Trust").
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorisationMatrixIT {
  private static final String PASSWORD = "matrix-pass-2026";
  private static final String MADE_UP_ID = "999999";

  @RegisterExtension
  static final CourtyardExtension courtyard = withShippedPlugins();

  // ---------------------------------------------------------------------------------------------
  // The people who ask
  // ---------------------------------------------------------------------------------------------

  /** One kind of person; {@code username} null for a visitor who is not signed in. */
  record Actor(String username, String password, String who) {
    String label() { return username == null ? "anonymous" : username; }
  }

  static final Actor ANONYMOUS = new Actor(null, null, "visitor, not signed in");

  /** Everyone the matrix asks as. Relations are to the target spaces: Class 2 Willow, the chess club, ~amira, Brookside's class. */
  static final List<Actor> ACTORS = List.of(
      ANONYMOUS,
      new Actor("amira", "learner-demo-pass", "learner in 2-willow and the chess club; owns ~amira"),
      new Actor("ben", "learner-demo-pass", "learner in 2-willow, not in the chess club; owns another personal space (~ben)"),
      new Actor("chloe", "learner-demo-pass", "learner not in 2-willow nor the chess club (in 5-oak and the coding club)"),
      new Actor("mr.khan", "parent-demo-pass", "parent of amira (a member of 2-willow and the chess club)"),
      new Actor("mrs.smith", PASSWORD, "parent of another child (chloe)"),
      new Actor("mrs.patel", "teacher-demo-pass", "teacher (owner) of 2-willow and 5-oak, owner of the coding club"),
      new Actor("mr.jones", PASSWORD, "teacher (owner) of another class, 3-ash"),
      new Actor("ms.lee", PASSWORD, "staff who owns the chess club (amira is in it) and teaches no class"),
      new Actor("mrs.head", PASSWORD, "school admin of Oakfield (owner of the school space), not a site admin"),
      new Actor("ict.leader", "ict-demo-pass", "Oakfield's ICT leader: school admin and site admin"),
      new Actor("b.admin", PASSWORD, "school admin of the other school, Brookside"));

  /**
   * Who asks for the tool routes of Brookside's class: a visitor, an Oakfield learner, both Oakfield
   * admins and Brookside's. (Everyone asks everything in Oakfield, Brookside's admin included; the other
   * Oakfield people would only repeat "no role here" at Brookside, so they are left out to keep the run short.)
   */
  static final Set<String> ASK_IN_OTHER_SCHOOL = Set.of("anonymous", "amira", "mrs.head", "ict.leader", "b.admin");

  // ---------------------------------------------------------------------------------------------
  // The core's routes and who may use them
  // ---------------------------------------------------------------------------------------------

  enum Kind {
    /** Anyone, signed in or not. */
    PUBLIC,
    /** Anyone signed in. */
    SIGNED_IN,
    /** Whoever holds {@link Access#capability} in the {@code :space}. */
    SPACE,
    /** Admins of the {@code :school} (its space's owners, and site admins). */
    SCHOOL_ADMIN,
    /** Site admins only (and only through a school they may open). */
    SITE_ADMIN,
    /** Anyone who runs at least one school. */
    ANY_SCHOOL_ADMIN,
    /** Staff (a teacher's own pupils list); others signed in get 403. */
    STAFF,
    /**
     * One learner ({@code :id}, Amira) as her teacher or the school admin may see and help her; to anyone
     * else signed in she is not there (404), whether or not the id exists.
     */
    TEACHER_OF_PUPIL
  }

  record Access(Kind kind, Capability capability) {
    static Access of(Kind kind) { return new Access(kind, null); }
  }

  static final Access PUBLIC = Access.of(Kind.PUBLIC);
  static final Access SIGNED_IN = Access.of(Kind.SIGNED_IN);
  static final Access SCHOOL_ADMIN = Access.of(Kind.SCHOOL_ADMIN);
  static final Access SITE_ADMIN = Access.of(Kind.SITE_ADMIN);
  static final Access ANY_SCHOOL_ADMIN = Access.of(Kind.ANY_SCHOOL_ADMIN);
  static final Access STAFF = Access.of(Kind.STAFF);
  static final Access TEACHER_OF_PUPIL = Access.of(Kind.TEACHER_OF_PUPIL);

  static Access space(Capability c) { return new Access(Kind.SPACE, c); }

  /**
   * Every core route, "METHOD pattern" as the router holds it. Refusals are 403 for signed-in people
   * throughout the core: it does not hide that a school or space exists (another school's admin pages
   * answer 403, not 404), only another school's people and spaces behind an admin's own address (404,
   * see {@link #coreProbes}).
   */
  static final Map<String, Access> CORE = table(
      "GET /health", PUBLIC,
      "GET /assets/:owner/", PUBLIC, // the router's path for /assets/:owner/* (a file under it is asked for)
      "GET /theme/:school/logo", PUBLIC,
      "GET /theme/:file", PUBLIC,
      "GET /login", PUBLIC,
      "POST /login", PUBLIC,
      "POST /logout", PUBLIC,
      "POST /language", PUBLIC,
      "GET /picture", PUBLIC,
      "GET /picture/:code", PUBLIC,
      "GET /picture/:code/:user", PUBLIC,
      "POST /picture/:code/:user", PUBLIC,
      "POST /picture/:code/:user/again", PUBLIC,
      "GET /", SIGNED_IN,
      "GET /account", SIGNED_IN,
      "POST /account/password", SIGNED_IN,
      "POST /account/pictures", SIGNED_IN,
      "GET /notifications", SIGNED_IN,
      "GET /account/notifications", SIGNED_IN,
      "POST /account/notifications", SIGNED_IN,
      "GET /unsubscribe/:user/:kind/:signature", PUBLIC, // the signed link is the key; a made-up one is 404
      "POST /unsubscribe/:user/:kind/:signature", PUBLIC, // one-click (RFC 8058), posted by a mail program
      "GET /calendar", SIGNED_IN,
      "POST /calendar/address", SIGNED_IN,
      "POST /calendar/address/stop", SIGNED_IN,
      "GET /calendar/feed/:token", PUBLIC, // the secret address is the key; an unknown one is 404
      "POST /notifications/read", SIGNED_IN,
      "GET /pupils", STAFF,
      "GET /pupils/:id", TEACHER_OF_PUPIL,
      "POST /pupils/:id/:action", TEACHER_OF_PUPIL,
      "GET /admin", ANY_SCHOOL_ADMIN,
      "GET /admin/:school", SCHOOL_ADMIN,
      "GET /admin/:school/plugins", SCHOOL_ADMIN,
      "POST /admin/:school/plugins/rescan", SITE_ADMIN,
      "POST /admin/:school/plugins/upload", SITE_ADMIN,
      "GET /admin/:school/plugins/catalogue", SCHOOL_ADMIN,
      "POST /admin/:school/plugins/catalogue/install", SITE_ADMIN,
      "GET /admin/:school/plugins/catalogue/screenshot", SCHOOL_ADMIN,
      "GET /admin/:school/plugins/:plugin/remove", SITE_ADMIN,
      "POST /admin/:school/plugins/:plugin/remove", SITE_ADMIN,
      "GET /admin/:school/plugins/:plugin/export", SITE_ADMIN,
      "POST /admin/:school/plugins/:tool/school", SCHOOL_ADMIN,
      "POST /admin/:school/plugins/:plugin/installation", SITE_ADMIN,
      "GET /admin/:school/plugins/:tool/settings", SCHOOL_ADMIN,
      "POST /admin/:school/plugins/:tool/settings", SCHOOL_ADMIN,
      "GET /admin/:school/users", SCHOOL_ADMIN,
      "POST /admin/:school/users", SCHOOL_ADMIN,
      "GET /admin/:school/users/:id", SCHOOL_ADMIN,
      "POST /admin/:school/users/:id/:action", SCHOOL_ADMIN,
      "GET /admin/:school/spaces", SCHOOL_ADMIN,
      "POST /admin/:school/spaces", SCHOOL_ADMIN,
      "GET /admin/:school/spaces/:id", SCHOOL_ADMIN,
      "POST /admin/:school/spaces/:id/:action", SCHOOL_ADMIN,
      "GET /admin/:school/branding", SCHOOL_ADMIN,
      "POST /admin/:school/branding", SCHOOL_ADMIN,
      "POST /admin/:school/branding/logo", SCHOOL_ADMIN,
      "GET /admin/:school/notifications", SCHOOL_ADMIN,
      "POST /admin/:school/notifications", SCHOOL_ADMIN,
      "GET /admin/:school/dates", SCHOOL_ADMIN,
      "POST /admin/:school/dates", SCHOOL_ADMIN,
      "POST /admin/:school/dates/:id/delete", SCHOOL_ADMIN,
      "GET /admin/:school/languages", SCHOOL_ADMIN,
      "POST /admin/:school/languages", SCHOOL_ADMIN,
      "POST /admin/:school/languages/overrides", SCHOOL_ADMIN,
      "GET /admin/:school/usage", SCHOOL_ADMIN,
      "GET /admin/:school/why", SCHOOL_ADMIN,
      "GET /admin/:school/mail", SCHOOL_ADMIN,
      "POST /admin/:school/mail/:id/retry", SCHOOL_ADMIN, // an id of another school's message is 404, like a made-up one
      "GET /admin/:school/import", SCHOOL_ADMIN,
      "POST /admin/:school/import", SCHOOL_ADMIN,
      "GET /admin/:school/import/history", SCHOOL_ADMIN,
      "GET /admin/:school/import/:run", SCHOOL_ADMIN,
      "POST /admin/:school/import/:run/apply", SCHOOL_ADMIN,
      "POST /admin/:school/import/:run/undo", SCHOOL_ADMIN,
      "GET /admin/:school/audit", SCHOOL_ADMIN,
      "GET /admin/:school/audit.csv", SCHOOL_ADMIN,
      "POST /admin/:school/audit/settings", SCHOOL_ADMIN,
      "GET /admin/:school/import/:run/letters", SCHOOL_ADMIN,
      "GET /admin/:school/privacy", SCHOOL_ADMIN,
      "POST /admin/:school/privacy/settings", SCHOOL_ADMIN,
      "POST /admin/:school/privacy/year-end", SCHOOL_ADMIN,
      "GET /admin/:school/users/:id/data", SCHOOL_ADMIN,
      "GET /admin/:school/users/:id/data.zip", SCHOOL_ADMIN,
      "POST /admin/:school/users/:id/erase", SCHOOL_ADMIN,
      "GET /s/:space", space(CapabilityRegistry.SPACE_VIEW),
      "GET /s/:space/members", space(CapabilityRegistry.SPACE_MEMBERS),
      "GET /s/:space/manage", space(CapabilityRegistry.SPACE_MANAGE),
      "POST /s/:space/manage/:section", space(CapabilityRegistry.SPACE_MANAGE),
      // Everyone who sees the space sees the markbook (teachers every learner, learners their own row, parents their children's).
      "GET /s/:space/results", space(CapabilityRegistry.SPACE_VIEW),
      "GET /s/:space/results.csv", space(CapabilityRegistry.SPACE_RESULTS));

  private static Map<String, Access> table(Object... keysAndValues) {
    Map<String, Access> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (m.put((String) keysAndValues[i], (Access) keysAndValues[i + 1]) != null) throw new IllegalStateException("Twice in CORE: " + keysAndValues[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  /** A tool's own rule on top of a route's capability: whom the tool still lets through, and why. */
  record Narrowing(String why, java.util.function.BiPredicate<User, Space> letsThrough) {}

  /**
   * Tool routes where the tool itself refuses (403) some of those the core let through. Anyone else the
   * core lets through must get through the tool too: a tool that starts refusing people fails the matrix
   * until its rule is written down here.
   */
  static final Map<String, Narrowing> TOOLS_NARROW = Map.of(
      "GET /s/:space/signs/new", new Narrowing("only teachers, and learners a teacher named as uploaders (nobody is named here), add signs",
          (u, s) -> AuthorisationMatrixIT.oracle.allowsCapability(u, "signs.approve", s) || AuthorisationMatrixIT.oracle.allowsCapability(u, "signs.manage", s)),
      "GET /s/:space/portfolio/export.zip", new Narrowing("only the learner and their teachers take a portfolio away (school admins too are refused)",
          (u, s) -> AuthorisationMatrixIT.oracle.ownerOrTheirTeacher(u, s)),
      "GET /s/:space/portfolio/export-leap2a.zip", new Narrowing("only the learner and their teachers take a portfolio away (school admins too are refused)",
          (u, s) -> AuthorisationMatrixIT.oracle.ownerOrTheirTeacher(u, s)));

  // ---------------------------------------------------------------------------------------------
  // The oracle
  // ---------------------------------------------------------------------------------------------

  /**
   * DESIGN.md "Permissions: the one rule", written again from its text (plus the portfolio's
   * school-wide capabilities, DESIGN.md "Portfolio"). It reads only facts — who is a member of what,
   * who is whose parent, which space sits in which — from the core's stores.
   */
  static final class Oracle {
    private final SpaceStore spaces;
    private final UserStore users;

    Oracle(SpaceStore spaces, UserStore users) {
      this.spaces = spaces;
      this.users = users;
    }

    /** May this person (null: not signed in) use this capability in this space? No space overrides anything here (checked). */
    boolean allows(User user, Capability c, Space space) {
      // Visitors hold open capabilities only, and never in a personal space.
      if (user == null) return c.open() && !space.personal();
      // 1. Disabled accounts hold nothing; archived spaces refuse what changes data.
      if (user.disabled()) return false;
      if (space.archived() && !c.readOnly()) return false;
      // 2. School admins hold everything in their school; site admins everywhere.
      if (isAdmin(user, space.schoolId())) return true;
      // 3. The person's role in the space.
      Role role = role(user, space);
      // Portfolio: a school-wide capability is held by everyone of the space's school, role or not.
      if (role == null) return c.schoolWide() && user.schoolId() != null && user.schoolId().equals(space.schoolId());
      // 4. The declared minimum role.
      return role.atLeast(c.defaultRole());
    }

    /**
     * The strongest of: own membership; a cascading membership in an ancestor; owner of one's own
     * personal space; viewer for a parent where a linked child is a member and the space admits parents,
     * or in a linked child's personal space. (To change when personal spaces take no members, and when
     * "teacher of" comes from the relationships model.)
     */
    Role role(User user, Space space) {
      if (space.personal() && Objects.equals(space.ownerUserId(), user.id())) return Role.OWNER;
      // Personal spaces take no members: nobody but the owner (and the owner's parents) has a role there.
      Role best = space.personal() ? null : spaces.membership(space.id(), user.id()).map(Membership::role).orElse(null);
      for (Long up = space.parentId(); up != null; ) {
        Space ancestor = spaces.byId(up).orElseThrow();
        Membership m = spaces.membership(ancestor.id(), user.id()).orElse(null);
        if (m != null && m.cascades() && (best == null || m.role().atLeast(best))) best = m.role();
        up = ancestor.parentId();
      }
      if (best == null && user.kind() == UserKind.PARENT) {
        boolean parentOfOwner = space.personal() && space.ownerUserId() != null && users.isParentOf(user.id(), space.ownerUserId());
        boolean parentOfMember = !space.personal() && space.parentsAllowed()
            && users.childrenOf(user.id()).stream().anyMatch(child -> spaces.membership(space.id(), child.id()).isPresent());
        if (parentOfOwner || parentOfMember) best = Role.VIEWER;
      }
      return best;
    }

    /** Site admins run every school; a school's admins are the owners of its root space. */
    boolean isAdmin(User user, Long schoolId) {
      if (user.siteAdmin()) return true;
      return schoolId != null && spaces.membership(schoolId, user.id()).map(m -> m.role() == Role.OWNER).orElse(false);
    }

    boolean allowsCapability(User user, String capability, Space space) {
      return allows(user, courtyard.get(CapabilityRegistry.class).find(capability).orElseThrow(), space);
    }

    /**
     * The portfolio's "the learner or one of their teachers": the owner of the personal space, or staff
     * who is teacher or owner of a class, subject set, year group or house the owner is a learner in, or
     * leads (a carrying-down teacher or owner membership) a year group or house above such a group.
     * Clubs make nobody a teacher.
     */
    boolean ownerOrTheirTeacher(User user, Space personal) {
      if (user == null) return false;
      if (Objects.equals(personal.ownerUserId(), user.id())) return true;
      if (user.kind() != UserKind.STAFF) return false;
      Set<SpaceKind> taught = Set.of(SpaceKind.CLASS, SpaceKind.SUBJECT, SpaceKind.YEAR_GROUP, SpaceKind.HOUSE);
      for (Membership enrolled : spaces.membershipsOf(personal.ownerUserId())) {
        Space group = spaces.byId(enrolled.spaceId()).orElseThrow();
        if (enrolled.role() != Role.MEMBER || !taught.contains(group.kind()) || group.archived()) continue;
        if (spaces.membership(group.id(), user.id()).map(m -> m.role().atLeast(Role.TEACHER)).orElse(false)) return true;
        for (Long up = group.parentId(); up != null; ) {
          Space ancestor = spaces.byId(up).orElseThrow();
          boolean pastoral = ancestor.kind() == SpaceKind.YEAR_GROUP || ancestor.kind() == SpaceKind.HOUSE;
          if (pastoral && spaces.membership(ancestor.id(), user.id()).map(m -> m.cascades() && m.role().atLeast(Role.TEACHER)).orElse(false)) return true;
          up = ancestor.parentId();
        }
      }
      return false;
    }

    boolean runsAnySchool(User user) {
      return user.siteAdmin() || spaces.schools().stream().anyMatch(s -> isAdmin(user, s.id()));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Expected and observed answers
  // ---------------------------------------------------------------------------------------------

  enum Expect {
    THROUGH("let through"), TO_LOGIN("sent to /login"), E401("401"), E403("403"), E404("404");

    final String text;

    Expect(String text) { this.text = text; }
  }

  /** One concrete request: a route with its parameters filled in, and what each person should get. */
  record Probe(String method, String pattern, String path, String where, List<Actor> askers, Function<Actor, Expect> expect) {
    Probe(String method, String pattern, String path, String where, Function<Actor, Expect> expect) {
      this(method, pattern, path, where, ACTORS, expect);
    }

    String route() { return method + " " + pattern; }
  }

  record Outcome(Probe probe, Actor actor, Expect expected, String got, boolean ok) {
    @Override public String toString() {
      return probe.route() + "  [" + probe.path() + ", " + probe.where() + "]  as " + actor.label() + " (" + actor.who() + "): expected "
          + expected.text + ", got " + got;
    }
  }

  static boolean matches(Expect e, TestClient.Response r) {
    boolean toLogin = (r.status() == 302 || r.status() == 303) && r.location() != null && r.location().startsWith("/login");
    return switch (e) {
      case THROUGH -> r.status() != 401 && r.status() != 403 && !toLogin && r.status() < 500;
      case TO_LOGIN -> toLogin;
      case E401 -> r.status() == 401;
      case E403 -> r.status() == 403;
      case E404 -> r.status() == 404;
    };
  }

  static String describe(TestClient.Response r) {
    return r.location() != null ? r.status() + " → " + r.location() : String.valueOf(r.status());
  }

  // ---------------------------------------------------------------------------------------------
  // The world
  // ---------------------------------------------------------------------------------------------

  static Oracle oracle;
  static Map<String, User> people = new LinkedHashMap<>();
  static Map<String, TestClient> browsers = new LinkedHashMap<>();
  static Space oakfield;
  static Space brookside;
  static List<Space> targets;
  static Map<Long, Space> schoolObjectSpace = new LinkedHashMap<>();
  static Map<Long, User> schoolObjectUser = new LinkedHashMap<>();
  static String willowPictureCode;

  static CourtyardExtension withShippedPlugins() {
    CourtyardExtension c = CourtyardExtension.withDemoSchool();
    pluginJars().values().forEach(p -> c.plugin(Files.isDirectory(p) ? PluginJar.fromClasses(p) : PluginJar.existing(p)));
    return c;
  }

  /** artifactId → built jar (or classes folder, under {@code mvn test}), from the pom's {@code matrix.plugin.jars}. */
  static Map<String, Path> pluginJars() {
    String list = System.getProperty("matrix.plugin.jars");
    if (list == null || list.contains("${")) {
      throw new IllegalStateException("Run this test through Maven (matrix/pom.xml sets matrix.plugin.jars to every plugin's jar): " + list);
    }
    Map<String, Path> jars = new TreeMap<>();
    for (String entry : list.split(",")) {
      String[] kv = entry.trim().split("=", 2);
      jars.put(kv[0], Path.of(kv[1]));
    }
    return jars;
  }

  /** The demo school, plus the people and spaces the demo lacks, and a second school. */
  @BeforeAll
  static void world() throws Exception {
    SpaceStore spaces = courtyard.get(SpaceStore.class);
    UserStore users = courtyard.get(UserStore.class);
    Accounts accounts = courtyard.get(Accounts.class);
    SchoolStore schools = courtyard.get(SchoolStore.class);
    ToolRegistry tools = courtyard.get(ToolRegistry.class);
    oracle = new Oracle(spaces, users);

    oakfield = spaces.bySlug("oakfield").orElseThrow();
    long a = oakfield.id();
    User amira = users.byUsername("amira").orElseThrow();
    User chloe = users.byUsername("chloe").orElseThrow();
    User smith = accounts.create(new UserStore.NewUser(a, "mrs.smith", "Sarah Smith", UserKind.PARENT, null, PASSWORD, null, false));
    users.linkParent(smith.id(), chloe.id());
    User jones = accounts.create(new UserStore.NewUser(a, "mr.jones", "Tom Jones", UserKind.STAFF, null, PASSWORD, null, false));
    Space ash = spaces.create(new SpaceStore.NewSpace(spaces.bySlug("year-2").orElseThrow().id(), SpaceKind.CLASS, "3-ash", "Class 3 Ash", ""));
    spaces.addMember(ash.id(), jones.id(), Role.OWNER, false);
    User lee = accounts.create(new UserStore.NewUser(a, "ms.lee", "Mei Lee", UserKind.STAFF, null, PASSWORD, null, false));
    Space chess = spaces.create(new SpaceStore.NewSpace(a, SpaceKind.CLUB, "chess-club", "Chess club", "Mondays at lunch"));
    spaces.addMember(chess.id(), lee.id(), Role.OWNER, false);
    spaces.addMember(chess.id(), amira.id(), Role.MEMBER, false);
    addSuitedTools(spaces, tools, chess);
    User head = accounts.create(new UserStore.NewUser(a, "mrs.head", "Helen Head", UserKind.STAFF, null, PASSWORD, null, false));
    spaces.addMember(a, head.id(), Role.OWNER, true);

    brookside = spaces.createSchool("brookside", "Brookside Primary School");
    long b = brookside.id();
    for (ToolRegistry.ActiveTool t : tools.tools()) schools.setToolEnabled(b, t.id(), true);
    User bAdmin = accounts.create(new UserStore.NewUser(b, "b.admin", "Bea Admin", UserKind.STAFF, null, PASSWORD, null, false));
    spaces.addMember(b, bAdmin.id(), Role.OWNER, true);
    Space rowan = spaces.create(new SpaceStore.NewSpace(b, SpaceKind.CLASS, "b-rowan", "Rowan class", "Brookside's class"));
    User bLearner = accounts.create(new UserStore.NewUser(b, "b.learner", "Bo Learner", UserKind.LEARNER, null, PASSWORD, null, false));
    spaces.addMember(rowan.id(), bLearner.id(), Role.MEMBER, false);
    addSuitedTools(spaces, tools, rowan);

    Space willow = spaces.bySlug("2-willow").orElseThrow();
    willowPictureCode = willow.pictureCode();
    targets = List.of(willow, spaces.bySlug("chess-club").orElseThrow(), spaces.bySlug("~amira").orElseThrow(), spaces.bySlug("b-rowan").orElseThrow());
    schoolObjectSpace.put(a, willow);
    schoolObjectSpace.put(b, rowan);
    schoolObjectUser.put(a, amira);
    schoolObjectUser.put(b, bLearner);

    assertEquals(0, courtyard.get(Db.class).count("SELECT COUNT(*) FROM capability_overrides"),
        "The oracle assumes no space overrides a capability's minimum role");
    for (Actor actor : ACTORS) {
      if (actor.username() == null) {
        TestClient anon = courtyard.anonymous();
        anon.get("/login"); // a session and its form token, so refused POSTs are refused for who they are, not for a missing token
        browsers.put(actor.label(), anon);
      } else {
        people.put(actor.label(), users.byUsername(actor.username()).orElseThrow());
        browsers.put(actor.label(), courtyard.signIn(actor.username(), actor.password()));
      }
    }
  }

  private static void addSuitedTools(SpaceStore spaces, ToolRegistry tools, Space space) {
    for (ToolRegistry.ActiveTool t : tools.tools()) if (t.info().isSuitedTo(space.kind())) spaces.addTool(space.id(), t.id());
  }

  // ---------------------------------------------------------------------------------------------
  // Probes: routes with their parameters filled
  // ---------------------------------------------------------------------------------------------

  private static final Pattern PARAM = Pattern.compile(":([A-Za-z0-9_]+)");

  /** Fills {@code :name} from {@code values}, anything else with a made-up id; a wildcard route's trailing {@code /} gets {@code values.get("*")}. */
  static String fill(String pattern, Map<String, String> values) {
    Matcher m = PARAM.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), MADE_UP_ID)));
    m.appendTail(out);
    String path = out.toString();
    return path.endsWith("/") && values.containsKey("*") ? path + values.get("*") : path;
  }

  /** A refusal for someone not signed in: a sign-in redirect for a GET, 401 for a POST. */
  static Expect anonymousRefusal(String method) { return "GET".equals(method) ? Expect.TO_LOGIN : Expect.E401; }

  /** Core routes: each {@code :space} route in every target space, each admin route for both schools. */
  static List<Probe> coreProbes(String method, String pattern, Access access) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("run", MADE_UP_ID);
    values.put("tool", "forum");
    values.put("plugin", "forum");
    values.put("action", pattern.contains("/users/") ? "disable" : "archive");
    values.put("section", "archive");
    values.put("code", willowPictureCode);
    values.put("user", String.valueOf(people.get("amira").id()));
    values.put("owner", "core");
    if (pattern.equals("/assets/:owner/")) values.put("*", "courtyard.css");
    values.put("file", oakfield.id() + ".css");
    if (pattern.startsWith("/theme/")) values.put("school", String.valueOf(oakfield.id()));
    List<Probe> out = new ArrayList<>();
    switch (access.kind()) {
      case SPACE -> {
        for (Space s : targets) {
          values.put("space", s.slug());
          out.add(new Probe(method, pattern, fill(pattern, values), s.slug(), actor -> {
            User u = people.get(actor.label());
            if (oracle.allows(u, access.capability(), s)) return Expect.THROUGH;
            return u == null ? anonymousRefusal(method) : Expect.E403;
          }));
        }
      }
      case SCHOOL_ADMIN, SITE_ADMIN -> {
        for (Space school : List.of(oakfield, brookside)) {
          values.put("school", school.slug());
          values.put("id", idFor(pattern, school));
          out.add(new Probe(method, pattern, fill(pattern, values), school.slug(), actor -> adminExpect(method, access, actor, school, false)));
        }
        if (pattern.contains(":id")) {
          // Brookside's admin pages with an Oakfield person or space: hidden even from whoever runs Brookside.
          values.put("school", brookside.slug());
          values.put("id", idFor(pattern, oakfield));
          out.add(new Probe(method, pattern, fill(pattern, values), "brookside's address, an id of oakfield's",
              actor -> adminExpect(method, access, actor, brookside, true)));
        }
      }
      case ANY_SCHOOL_ADMIN -> out.add(new Probe(method, pattern, fill(pattern, values), "-", actor -> {
        User u = people.get(actor.label());
        if (u == null) return anonymousRefusal(method);
        return oracle.runsAnySchool(u) ? Expect.THROUGH : Expect.E403;
      }));
      case SIGNED_IN -> out.add(new Probe(method, pattern, fill(pattern, values), "-",
          actor -> people.get(actor.label()) == null ? anonymousRefusal(method) : Expect.THROUGH));
      case STAFF -> out.add(new Probe(method, pattern, fill(pattern, values), "-", actor -> {
        User u = people.get(actor.label());
        if (u == null) return anonymousRefusal(method);
        return u.kind() == UserKind.STAFF ? Expect.THROUGH : Expect.E403;
      }));
      case TEACHER_OF_PUPIL -> {
        User amira = people.get("amira");
        Space hers = targets.stream().filter(t -> t.personal() && Objects.equals(t.ownerUserId(), amira.id())).findFirst().orElseThrow();
        values.put("id", String.valueOf(amira.id()));
        values.put("action", "unlock");
        out.add(new Probe(method, pattern, fill(pattern, values), "amira", actor -> {
          User u = people.get(actor.label());
          if (u == null) return anonymousRefusal(method);
          boolean looksAfter = u.id() != amira.id() && (oracle.isAdmin(u, amira.schoolId()) || oracle.ownerOrTheirTeacher(u, hers));
          return looksAfter ? Expect.THROUGH : Expect.E404;
        }));
      }
      case PUBLIC -> out.add(new Probe(method, pattern, fill(pattern, values), "-", actor -> Expect.THROUGH));
    }
    return out;
  }

  private static String idFor(String pattern, Space school) {
    if (pattern.contains("/users/")) return String.valueOf(schoolObjectUser.get(school.id()).id());
    if (pattern.contains("/spaces/")) return String.valueOf(schoolObjectSpace.get(school.id()).id());
    return MADE_UP_ID;
  }

  private static Expect adminExpect(String method, Access access, Actor actor, Space school, boolean foreignObject) {
    User u = people.get(actor.label());
    if (u == null) return anonymousRefusal(method);
    if (!oracle.isAdmin(u, school.id())) return Expect.E403;
    if (access.kind() == Kind.SITE_ADMIN && !u.siteAdmin()) return Expect.E403;
    return foreignObject ? Expect.E404 : Expect.THROUGH;
  }

  /** A tool route in every target space that has the tool (elsewhere it answers 404 to everyone, before any permission). */
  static List<Probe> toolProbes(String method, String pattern, Capability c) {
    String toolId = pattern.split("/")[3];
    SpaceStore spaces = courtyard.get(SpaceStore.class);
    SchoolStore schools = courtyard.get(SchoolStore.class);
    List<Probe> out = new ArrayList<>();
    for (Space s : targets) {
      if (!spaces.tools(s.id()).contains(toolId) || !schools.toolEnabled(s.schoolId(), toolId)) continue;
      Map<String, String> values = Map.of("space", s.slug(), "slug", "no-such-page", "token", "no-such-token", "type", "choice", "kind", "picture");
      List<Actor> askers = s.schoolId().equals(oakfield.id()) ? ACTORS : ACTORS.stream().filter(a -> ASK_IN_OTHER_SCHOOL.contains(a.label())).toList();
      Narrowing narrowing = TOOLS_NARROW.get(method + " " + pattern);
      out.add(new Probe(method, pattern, fill(pattern, values), s.slug(), askers, actor -> {
        User u = people.get(actor.label());
        if (oracle.allows(u, c, s)) return narrowing == null || narrowing.letsThrough().test(u, s) ? Expect.THROUGH : Expect.E403;
        if (u != null) return Expect.E403;
        // An open capability's route does not require sign-in, so the tool dispatcher itself answers 401.
        return c.open() ? Expect.E401 : anonymousRefusal(method);
      }));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // The tests
  // ---------------------------------------------------------------------------------------------

  /** The oracle reads the people as {@link #ACTORS} describes them (so the matrix's expectations rest on the right facts). */
  @Test
  @Order(0)
  void theOracleSeesEveryoneAsTheActorsSay() {
    Object[][] roles = {
        {"amira", "2-willow", Role.MEMBER}, {"amira", "chess-club", Role.MEMBER}, {"amira", "~amira", Role.OWNER},
        {"ben", "2-willow", Role.MEMBER}, {"ben", "chess-club", null}, {"ben", "~amira", null},
        {"chloe", "2-willow", null}, {"chloe", "chess-club", null}, {"chloe", "~amira", null},
        {"mr.khan", "2-willow", Role.VIEWER}, {"mr.khan", "chess-club", Role.VIEWER}, {"mr.khan", "~amira", Role.VIEWER},
        {"mrs.smith", "2-willow", null}, {"mrs.smith", "chess-club", null}, {"mrs.smith", "~amira", null},
        {"mrs.patel", "2-willow", Role.OWNER}, {"mrs.patel", "chess-club", null}, {"mrs.patel", "~amira", null},
        {"mr.jones", "2-willow", null}, {"mr.jones", "chess-club", null}, {"mr.jones", "~amira", null},
        {"ms.lee", "2-willow", null}, {"ms.lee", "chess-club", Role.OWNER}, {"ms.lee", "~amira", null},
        {"b.admin", "2-willow", null}, {"b.admin", "b-rowan", Role.OWNER}, {"mrs.head", "b-rowan", null},
    };
    SpaceStore spaces = courtyard.get(SpaceStore.class);
    List<String> wrong = new ArrayList<>();
    for (Object[] r : roles) {
      Role got = oracle.role(people.get((String) r[0]), spaces.bySlug((String) r[1]).orElseThrow());
      if (got != r[2]) wrong.add(r[0] + " in " + r[1] + ": " + got + ", not " + r[2]);
    }
    assertTrue(wrong.isEmpty(), "The oracle's roles: " + wrong);
    assertTrue(oracle.isAdmin(people.get("mrs.head"), oakfield.id()) && !oracle.isAdmin(people.get("mrs.head"), brookside.id()));
    assertTrue(oracle.isAdmin(people.get("b.admin"), brookside.id()) && !oracle.isAdmin(people.get("b.admin"), oakfield.id()));
    assertTrue(oracle.isAdmin(people.get("ict.leader"), brookside.id()), "ict.leader is a site admin");
    assertTrue(oracle.ownerOrTheirTeacher(people.get("mrs.patel"), targets.get(2)) && !oracle.ownerOrTheirTeacher(people.get("ms.lee"), targets.get(2))
        && !oracle.ownerOrTheirTeacher(people.get("mr.jones"), targets.get(2)), "Amira's teacher: Mrs Patel (2-willow); owning the chess club makes Ms Lee nobody's");
  }

  @Test
  @Order(1)
  void everyShippedPluginIsInstalled() throws Exception {
    String dist = Files.readString(Path.of(System.getProperty("matrix.dist.pom")));
    Set<String> shipped = new TreeSet<>();
    Matcher m = Pattern.compile("<artifactId>(courtyard-plugin-[^<]+|courtyard-hello-tool)</artifactId>").matcher(dist);
    while (m.find()) shipped.add(m.group(1));
    assertEquals(shipped, pluginJars().keySet(), "matrix/pom.xml must install exactly the plugins dist/pom.xml ships");
    List<String> notRunning = courtyard.get(PluginHost.class).statuses().stream()
        .filter(s -> s.state() != PluginStatus.State.RUNNING).map(s -> s.pluginId() + ": " + s.state() + " " + s.failure()).toList();
    assertTrue(notRunning.isEmpty(), "Every plugin runs (a stopped one would take its routes out of the matrix): " + notRunning);
    assertEquals(shipped.size(), courtyard.get(PluginHost.class).statuses().size());
  }

  @Test
  @Order(2)
  void refusedPostsChangeNothing() {
    User amira = people.get("amira");
    Space willow = targets.get(0);
    // Brookside's admin tries to switch off an Oakfield learner, through Oakfield's pages and through Brookside's.
    TestClient bAdmin = browsers.get("b.admin");
    assertEquals(403, bAdmin.post("/admin/oakfield/users/" + amira.id() + "/disable", Map.of()).status());
    assertEquals(404, bAdmin.post("/admin/brookside/users/" + amira.id() + "/disable", Map.of()).status());
    // A learner who is not in the class tries to archive it, and to add herself to it.
    TestClient chloe = browsers.get("chloe");
    assertEquals(403, chloe.post(willow.url() + "/manage/archive", Map.of()).status());
    assertEquals(403, chloe.post(willow.url() + "/manage/add-member", Map.of("username", "chloe", "role", "OWNER")).status());
    SpaceStore spaces = courtyard.get(SpaceStore.class);
    assertFalse(courtyard.get(UserStore.class).byId(amira.id()).orElseThrow().disabled(), "Amira's account is still on");
    assertFalse(spaces.byId(willow.id()).orElseThrow().archived(), "Class 2 Willow is not archived");
    assertTrue(spaces.membership(willow.id(), people.get("chloe").id()).isEmpty(), "Chloe is still not in Class 2 Willow");
  }

  @Test
  @Order(3)
  void everyRouteAnswersEveryoneAsTheRulesSay() throws Exception {
    List<Route> routes = courtyard.get(WebServer.class).routes();
    List<String> unknown = new ArrayList<>();
    Set<String> seenCore = new LinkedHashSet<>();
    List<Probe> probes = new ArrayList<>();
    Map<String, Integer> toolRoutes = new TreeMap<>();
    List<String> notExercised = new ArrayList<>();
    for (Route r : routes) {
      if (r.getPath() == null) continue; // handlers for every request: headers, body, session, CSRF, the last 404
      List<String> methods = r.methods() == null ? List.of("*") : r.methods().stream().map(Object::toString).sorted().toList();
      for (String method : methods) {
        String key = method + " " + r.getPath();
        String capability = r.getMetadata(ToolDispatch.CAPABILITY);
        List<Probe> these;
        if (capability != null) {
          Capability c = courtyard.get(CapabilityRegistry.class).find(capability)
              .orElseThrow(() -> new AssertionError(key + " needs " + capability + ", which nobody declares"));
          these = toolProbes(method, r.getPath(), c);
          toolRoutes.merge(r.getPath().split("/")[3], 1, Integer::sum);
        } else {
          Access access = CORE.get(key);
          if (access == null) {
            unknown.add(key);
            continue;
          }
          seenCore.add(key);
          these = coreProbes(method, r.getPath(), access);
        }
        if (these.isEmpty()) notExercised.add(key);
        probes.addAll(these);
      }
    }
    List<String> stale = CORE.keySet().stream().filter(k -> !seenCore.contains(k)).toList();
    List<String> staleNarrowings = TOOLS_NARROW.keySet().stream().filter(k -> probes.stream().noneMatch(p -> p.route().equals(k))).toList();
    assertTrue(staleNarrowings.isEmpty(), "AuthorisationMatrixIT.TOOLS_NARROW lists routes the router no longer has: " + staleNarrowings);
    assertTrue(unknown.isEmpty(), "Core routes the matrix does not know; add each to AuthorisationMatrixIT.CORE with who may use it: " + unknown);
    assertTrue(stale.isEmpty(), "AuthorisationMatrixIT.CORE lists routes the router no longer has: " + stale);
    assertTrue(notExercised.isEmpty(), "Routes no target space exercises (add the tool to a target space): " + notExercised);

    long started = System.nanoTime();
    List<Outcome> outcomes = new ArrayList<>(ask(probes, "GET"));
    long getMillis = (System.nanoTime() - started) / 1_000_000;
    // Refused POSTs on their own, so whatever changed while they ran was changed by one of them.
    Map<String, Long> before = snapshot();
    started = System.nanoTime();
    List<Outcome> posts = ask(probes, "POST");
    long postMillis = (System.nanoTime() - started) / 1_000_000;
    outcomes.addAll(posts);
    Map<String, Long> after = snapshot();

    long sent = outcomes.stream().filter(o -> o.got() != null).count();
    long allowedPostsNotSent = outcomes.stream().filter(o -> o.got() == null).count();
    List<Outcome> wrong = outcomes.stream().filter(o -> o.got() != null && !o.ok()).toList();
    long coreRoutes = seenCore.size();
    long toolRouteCount = toolRoutes.values().stream().mapToInt(Integer::intValue).sum();
    long postsSent = posts.stream().filter(o -> o.got() != null).count();
    System.out.printf("Authorisation matrix: %d routes (%d core, %d of tools: %s) in %d probes (a route in a space or school) × %d actors;"
            + " %d GETs in %d ms, %d refused POSTs in %d ms (%d let through, %d refused), %d allowed POSTs not sent; %d wrong%n",
        coreRoutes + toolRouteCount, coreRoutes, toolRouteCount, toolRoutes, probes.size(), ACTORS.size(),
        sent - postsSent, getMillis, postsSent, postMillis,
        outcomes.stream().filter(o -> o.got() != null && o.expected() == Expect.THROUGH).count(),
        outcomes.stream().filter(o -> o.got() != null && o.expected() != Expect.THROUGH).count(), allowedPostsNotSent, wrong.size());

    StringBuilder perActor = new StringBuilder("  by actor (let through / refused / allowed POSTs not sent):");
    for (Actor a : ACTORS) {
      List<Outcome> theirs = outcomes.stream().filter(o -> o.actor() == a).toList();
      perActor.append(String.format(" %s %d/%d/%d;", a.label(), theirs.stream().filter(o -> o.got() != null && o.expected() == Expect.THROUGH).count(),
          theirs.stream().filter(o -> o.expected() != Expect.THROUGH).count(), theirs.stream().filter(o -> o.got() == null).count()));
    }
    System.out.println(perActor);

    Map<String, String> changed = new TreeMap<>();
    for (var e : before.entrySet()) {
      if (!Objects.equals(e.getValue(), after.get(e.getKey()))) changed.put(e.getKey(), e.getValue() + " → " + after.get(e.getKey()));
    }
    if (!wrong.isEmpty()) {
      StringBuilder msg = new StringBuilder(wrong.size() + " answers differ from the rules:\n");
      wrong.forEach(o -> msg.append("  ").append(o).append('\n'));
      fail(msg.toString());
    }
    assertTrue(changed.isEmpty(), "Refused POSTs changed stored data: " + changed);
  }

  /**
   * Object ids belong to a space. Mrs Patel sets homework, writes in the blog, the forum and the notes,
   * and Amira hands in, starts a quiz and keeps a blog draft (on top of the demo content). Then every link
   * to a numbered object Mrs Patel sees in Class 2 Willow's tools (followed two pages deep) is asked again
   * through another space where the asker is let in: by Brookside's admin through Brookside's class,
   * and by Chloe through her own class, 5 Oak. The object must not be shown there (404, or a refusal).
   * And Amira's own work (hand-in, quiz try, draft) is not shown to Ben, a classmate.
   */
  @Test
  @Order(4)
  void objectsOfOneSpaceAreNotReachableThroughAnother() {
    TestClient teacher = browsers.get("mrs.patel");
    TestClient amira = browsers.get("amira");
    Space willow = targets.get(0);
    teacher.get(willow.url() + "/homework");
    String task = teacher.post(willow.url() + "/homework/tasks", Map.of("title", "Matrix task", "due", "2031-01-01T09:00", "instructions", "Write a line.")).location();
    teacher.post(willow.url() + "/blog/posts", Map.of("title", "Matrix post", "body", "<p>Hello</p>", "action", "publish"));
    teacher.post(willow.url() + "/forum/f/1/discussions", Map.of("title", "Matrix talk", "body", "Hello"));
    teacher.post(willow.url() + "/hello/notes", Map.of("text", "Hello from the matrix"));
    amira.get(willow.url() + "/homework");
    assertEquals(303, amira.post(task + "/hand-in", Map.of("body", "Amira's own work", "link", "")).status());
    String attempt = amira.post(willow.url() + "/quiz/q/1/start", Map.of()).location();
    String draft = amira.post(willow.url() + "/blog/posts", Map.of("title", "Amira's draft", "body", "<p>Not yet</p>", "action", "draft")).location();
    assertTrue(task.matches("/s/2-willow/homework/t/[0-9]+") && attempt.matches("/s/2-willow/quiz/q/1/a/[0-9]+")
        && draft.matches("/s/2-willow/blog/posts/[0-9]+"), "Set up: " + task + ", " + attempt + ", " + draft);
    Set<String> tools = courtyard.get(SpaceStore.class).tools(willow.id());
    Pattern link = Pattern.compile("(?:href|src|action)=\"(/s/2-willow/[a-z-]+/[^\"#?]*)");
    Set<String> seen = new TreeSet<>();
    List<String> frontier = new ArrayList<>(tools.stream().map(t -> willow.url() + "/" + t).toList());
    for (int depth = 0; depth < 3 && !frontier.isEmpty(); depth++) {
      List<String> next = new ArrayList<>();
      for (String page : frontier) {
        if (!seen.add(page) || seen.size() > 400) continue;
        TestClient.Response r = teacher.get(page);
        if (r.status() != 200 || r.header("Content-Type") == null || !r.header("Content-Type").startsWith("text/html")) continue;
        Matcher m = link.matcher(r.body());
        while (m.find()) next.add(m.group(1).replace("&amp;", "&"));
      }
      frontier = next;
    }
    List<String> numbered = seen.stream().filter(u -> u.matches(".*/[0-9]+(/.*)?")).toList();
    assertFalse(numbered.isEmpty(), "The demo content of Class 2 Willow has numbered objects: " + seen);
    List<String> leaks = new ArrayList<>();
    // Amira's own work, asked by Ben (a learner of the same class): her hand-in as the teacher's page links it, her try, her draft.
    List<String> amirasOwn = new ArrayList<>(List.of(attempt, draft));
    numbered.stream().filter(u -> u.matches(Pattern.quote(task) + "/s/[0-9]+")).forEach(amirasOwn::add);
    assertEquals(3, amirasOwn.size(), "Mrs Patel's task page links Amira's hand-in: " + numbered);
    for (String url : amirasOwn) {
      TestClient.Response r = browsers.get("ben").get(url);
      if (r.status() < 300 && (r.contains("Amira's own work") || r.contains("Amira's draft") || url.contains("/a/"))) {
        leaks.add(url + " as ben: " + r.status() + " (Amira's own work)");
      }
    }
    Map<String, String> through = Map.of("b.admin", "/s/b-rowan/", "chloe", "/s/5-oak/");
    for (String url : numbered) {
      for (var e : through.entrySet()) {
        String elsewhere = url.replace("/s/2-willow/", e.getValue());
        TestClient.Response r = browsers.get(e.getKey()).get(elsewhere);
        if (r.status() < 300) leaks.add(elsewhere + " as " + e.getKey() + ": " + r.status() + " (the object is Class 2 Willow's: " + url + ")");
      }
    }
    Map<String, Long> byTool = new TreeMap<>(numbered.stream().collect(java.util.stream.Collectors.groupingBy(u -> u.split("/")[3], java.util.stream.Collectors.counting())));
    System.out.printf("Objects of one space through another: %d numbered links of Class 2 Willow %s × %d askers, and %d of Amira's to Ben; %d shown%n",
        numbered.size(), byTool, through.size(), amirasOwn.size(), leaks.size());
    assertTrue(leaks.isEmpty(), "Objects of Class 2 Willow shown where they do not belong:\n  " + String.join("\n  ", leaks));
  }

  /**
   * Answers known to be wrong today, by name, with what would be right. Each check below asserts the
   * right answer, unless its name is here: then it asserts the wrong answer still happens and prints it,
   * so a fix fails the test until its entry is removed (and the check guards the fix from then on).
   */
  static final Map<String, String> KNOWN_BUGS = Map.of();

  static void check(String bug, boolean right, String what) {
    if (KNOWN_BUGS.containsKey(bug)) {
      assertFalse(right, "Fixed: " + what + ". Remove \"" + bug + "\" from AuthorisationMatrixIT.KNOWN_BUGS.");
      System.out.println("KNOWN BUG " + bug + ": " + KNOWN_BUGS.get(bug) + ". Seen: " + what);
    } else {
      assertTrue(right, what);
    }
  }

  /** What the route table cannot see: forms and pages that name another school's people or spaces. */
  @Test
  @Order(5)
  void schoolsStayApartInWhatPagesNameAndForms() {
    // Brookside's admin asks her own "Why?" page about an Oakfield learner in an Oakfield class.
    TestClient.Response why = browsers.get("b.admin").get("/admin/brookside/why?user=amira&capability=space.view&space=2-willow");
    assertEquals(200, why.status());
    check("why-across-schools", !why.contains("Class 2 Willow") && !why.contains("Amira Khan"),
        "Brookside's admin asked /admin/brookside/why about amira in 2-willow; the answer names them: "
            + (why.contains("Class 2 Willow") && why.contains("Amira Khan")));

    // Oakfield's Mr Jones adds Brookside's learner to his class; Brookside's admin adds Amira to Brookside's class.
    TestClient jones = browsers.get("mr.jones");
    jones.get("/s/3-ash/manage");
    TestClient.Response added = jones.post("/s/3-ash/manage/add-member", Map.of("username", "b.learner", "role", "MEMBER"));
    TestClient.Response addedToB = browsers.get("b.admin").post("/s/b-rowan/manage/add-member", Map.of("username", "amira", "role", "MEMBER"));
    SpaceStore spaces = courtyard.get(SpaceStore.class);
    long bLearner = schoolObjectUser.get(brookside.id()).id();
    boolean crossed = spaces.membership(spaces.bySlug("3-ash").orElseThrow().id(), bLearner).isPresent()
        || spaces.membership(spaces.bySlug("b-rowan").orElseThrow().id(), people.get("amira").id()).isPresent();
    int bLearnerSeesAsh = courtyard.signIn("b.learner", PASSWORD).get("/s/3-ash").status();
    int amiraSeesRowan = browsers.get("amira").get("/s/b-rowan").status();
    check("members-across-schools", !crossed && bLearnerSeesAsh == 403 && amiraSeesRowan == 403,
        "owners adding a person of another school (3-ash ← b.learner: " + describe(added) + ", then b.learner opens /s/3-ash: "
            + bLearnerSeesAsh + "; b-rowan ← amira: " + describe(addedToB) + ", then amira opens /s/b-rowan: " + amiraSeesRowan + ")");
  }

  /** What a learner may do as the owner of her personal space. Runs last: it changes Amira's space and Ben's pictures. */
  @Test
  @Order(6)
  void aLearnersOwnSpaceGivesNoPowerOverOthers() {
    TestClient amira = browsers.get("amira");
    User ben = people.get("ben");
    amira.get("/s/~amira/manage");
    TestClient.Response added = amira.post("/s/~amira/manage/add-member", Map.of("username", "ben", "role", "MEMBER"));
    TestClient.Response pictures = amira.post("/s/~amira/manage/pictures",
        Map.of("user", String.valueOf(ben.id()), "picture1", "apple", "picture2", "car", "picture3", "fish"));
    boolean bensPicturesChanged = courtyard.get(UserStore.class).pictureSequenceMatches(ben.id(), List.of("apple", "car", "fish"));
    int signedInAsBen = -1;
    if (bensPicturesChanged) {
      TestClient tablet = courtyard.anonymous();
      String pick = "/picture/" + willowPictureCode + "/" + ben.id();
      tablet.get(pick);
      tablet.post(pick, Map.of("pick", "apple"));
      tablet.post(pick, Map.of("pick", "car"));
      signedInAsBen = tablet.post(pick, Map.of("pick", "fish")).status();
    }
    check("learner-resets-classmate-pictures", !bensPicturesChanged,
        "amira added ben to ~amira (" + describe(added) + "), set his pictures (" + describe(pictures) + "), changed: " + bensPicturesChanged
            + ", then the class's picture link signed her in as him: " + (signedInAsBen == 303));

    TestClient.Response shut = amira.post("/s/~amira/manage/details", Map.of("name", "Amira Khan", "description", ""));
    int parentSees = browsers.get("mr.khan").get("/s/~amira").status();
    check("personal-space-shuts-out-parents", parentSees == 200,
        "amira unticked \"parents allowed\" on ~amira (" + describe(shut) + "); her parent then opens /s/~amira: " + parentSees);
  }

  /** Sends every probe of one method as each of its askers (POSTs only as those who should be refused), a few at a time. */
  private static List<Outcome> ask(List<Probe> probes, String method) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Probe p : probes) {
        if (!p.method().equals(method)) continue;
        for (Actor actor : p.askers()) {
          Expect expected = p.expect().apply(actor);
          if ("POST".equals(p.method()) && expected == Expect.THROUGH) {
            futures.add(java.util.concurrent.CompletableFuture.completedFuture(new Outcome(p, actor, expected, null, true)));
            continue;
          }
          TestClient browser = browsers.get(actor.label());
          futures.add(pool.submit(() -> {
            TestClient.Response r = "GET".equals(p.method()) ? browser.get(p.path()) : browser.post(p.path(), Map.of());
            return new Outcome(p, actor, expected, describe(r), matches(expected, r));
          }));
        }
      }
      List<Outcome> out = new ArrayList<>();
      for (Future<Outcome> f : futures) out.add(f.get());
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * What a refused POST must not change: the row count of every table, and the flags a refused admin or
   * owner POST would flip. Sessions are left out (every request may write its own).
   */
  private static Map<String, Long> snapshot() throws Exception {
    Db db = courtyard.get(Db.class);
    Map<String, Long> counts = new TreeMap<>();
    List<String> tables = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) tables.add("\"" + rs.getString("TABLE_SCHEM") + "\".\"" + rs.getString("TABLE_NAME") + "\"");
      }
    }
    for (String t : tables) {
      if (WRITTEN_BY_READS.stream().anyMatch(w -> t.toLowerCase(java.util.Locale.ROOT).endsWith("\"" + w + "\""))) continue;
      counts.put(t, db.count("SELECT COUNT(*) FROM " + t));
    }
    counts.put("spaces archived", db.count("SELECT COUNT(*) FROM spaces WHERE archived = ?", true));
    counts.put("users disabled", db.count("SELECT COUNT(*) FROM users WHERE disabled = ?", true));
    counts.put("parents allowed", db.count("SELECT COUNT(*) FROM spaces WHERE parents_allowed = ?", true));
    return counts;
  }

  /** Tables any request writes (its session); nothing else may change while refused POSTs run. */
  private static final List<String> WRITTEN_BY_READS = List.of("web_sessions");
}
