package org.courtyard.core.demo;

import java.util.ArrayList;
import java.util.List;
import org.courtyard.api.Role;
import org.courtyard.api.SpaceKind;
import org.courtyard.api.UserKind;
import org.courtyard.core.Courtyard;
import org.courtyard.core.identity.Accounts;
import org.courtyard.core.identity.User;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.plugins.ToolRegistry;
import org.courtyard.core.services.SchoolStore;
import org.courtyard.core.spaces.Space;
import org.courtyard.core.spaces.SpaceStore;

/**
 * A small demo school, created once: two year groups with a class each, a staff room, a club, an ICT
 * leader, a teacher, three learners (two with picture login) and a parent. Every running tool is
 * enabled for the school and added to the spaces it suits.
 */
public final class DemoSchool {
  public static final String SCHOOL_SLUG = "oakfield";

  public record Account(String username, String password, String who) {}

  public static final List<Account> ACCOUNTS = List.of(
      new Account("ict.leader", "ict-demo-pass", "ICT leader (school admin)"),
      new Account("mrs.patel", "teacher-demo-pass", "Teacher of Class 2 Willow and Class 5 Oak"),
      new Account("chloe", "learner-demo-pass", "Learner in Class 5 Oak"),
      new Account("amira", "learner-demo-pass", "Learner in Class 2 Willow; pictures: cat, sun, tree, fish"),
      new Account("ben", "learner-demo-pass", "Learner in Class 2 Willow; pictures: dog, star, moon, cake"),
      new Account("mr.khan", "parent-demo-pass", "Parent of Amira"));

  private DemoSchool() {}

  /** Creates the school unless it exists; (re)enables every running tool either way. Returns true if created now. */
  public static boolean ensure(Courtyard courtyard) {
    SpaceStore spaces = courtyard.get(SpaceStore.class);
    boolean created = false;
    Space school = spaces.bySlug(SCHOOL_SLUG).orElse(null);
    if (school == null) {
      school = create(courtyard);
      created = true;
    }
    enableTools(courtyard, school);
    if (created) {
      fillClasses(courtyard, school);
      schoolDates(courtyard, school);
    }
    return created;
  }

  /** Each tool's sample content in each class it was added to, with the class teacher. */
  private static void fillClasses(Courtyard c, Space school) {
    SpaceStore spaces = c.get(SpaceStore.class);
    User teacher = c.get(UserStore.class).byUsername("mrs.patel").orElseThrow();
    for (ToolRegistry.ActiveTool tool : c.get(ToolRegistry.class).tools()) {
      for (org.courtyard.api.DemoContent content : c.get(org.courtyard.core.plugins.PluginHost.class).demoContent(tool.id())) {
        for (Space s : spaces.inSchool(school.id())) {
          if (s.kind() != SpaceKind.CLASS || !spaces.tools(s.id()).contains(tool.id())) continue;
          try {
            content.fill(s.ref(), teacher.ref());
          } catch (Exception e) {
            java.util.logging.Logger.getLogger(DemoSchool.class.getName()).log(java.util.logging.Level.WARNING,
                "Sample content of " + tool.id() + " for " + s.name() + " failed; the demo carries on", e);
          }
        }
      }
    }
  }

  /** This term, the holiday after it and a training day next week, around today, for everyone's calendar. */
  private static void schoolDates(Courtyard c, Space school) {
    org.courtyard.core.calendar.SchoolDates dates = c.get(org.courtyard.core.calendar.SchoolDates.class);
    java.time.LocalDate today = java.time.LocalDate.now(c.get(java.time.Clock.class).withZone(java.time.ZoneId.of("Europe/London")));
    java.time.LocalDate termEnd = today.plusWeeks(3).with(java.time.DayOfWeek.FRIDAY);
    dates.add(school.id(), org.courtyard.core.calendar.SchoolDates.Kind.TERM, "Autumn term", today.minusWeeks(12), termEnd);
    dates.add(school.id(), org.courtyard.core.calendar.SchoolDates.Kind.HOLIDAY, "Winter holiday", termEnd.plusDays(3), termEnd.plusDays(16));
    java.time.LocalDate training = today.plusWeeks(1).with(java.time.DayOfWeek.MONDAY);
    dates.add(school.id(), org.courtyard.core.calendar.SchoolDates.Kind.CLOSURE, "Staff training day: school closed to pupils", training, training);
  }

  private static Space create(Courtyard c) {
    SpaceStore spaces = c.get(SpaceStore.class);
    Accounts accounts = c.get(Accounts.class);
    UserStore users = c.get(UserStore.class);
    Space school = spaces.createSchool(SCHOOL_SLUG, "Oakfield Primary School");
    spaces.update(school.id(), school.name(), "Welcome to Oakfield's learning platform.", true);
    long sid = school.id();
    Space y2 = spaces.create(new SpaceStore.NewSpace(sid, SpaceKind.YEAR_GROUP, "year-2", "Year 2", "Everyone in Year 2"));
    Space y5 = spaces.create(new SpaceStore.NewSpace(sid, SpaceKind.YEAR_GROUP, "year-5", "Year 5", "Everyone in Year 5"));
    Space willow = spaces.create(new SpaceStore.NewSpace(y2.id(), SpaceKind.CLASS, "2-willow", "Class 2 Willow", "Mrs Patel's Year 2 class"));
    Space oak = spaces.create(new SpaceStore.NewSpace(y5.id(), SpaceKind.CLASS, "5-oak", "Class 5 Oak", "Mrs Patel's Year 5 class"));
    Space staff = spaces.create(new SpaceStore.NewSpace(sid, SpaceKind.STAFF, "staff-room", "Staff room", "For staff only"));
    Space club = spaces.create(new SpaceStore.NewSpace(sid, SpaceKind.CLUB, "coding-club", "Coding club", "Thursdays after school"));

    User ict = accounts.create(new UserStore.NewUser(sid, "ict.leader", "Sam Jones", UserKind.STAFF, "ict@oakfield.example", "ict-demo-pass", "owl", true));
    User teacher = accounts.create(new UserStore.NewUser(sid, "mrs.patel", "Priya Patel", UserKind.STAFF, "p.patel@oakfield.example", "teacher-demo-pass", "bear", false));
    User chloe = accounts.create(new UserStore.NewUser(sid, "chloe", "Chloe Smith", UserKind.LEARNER, null, "learner-demo-pass", "unicorn", false));
    User amira = accounts.create(new UserStore.NewUser(sid, "amira", "Amira Khan", UserKind.LEARNER, null, "learner-demo-pass", "fox", false));
    User ben = accounts.create(new UserStore.NewUser(sid, "ben", "Ben Okafor", UserKind.LEARNER, null, "learner-demo-pass", "frog", false));
    User parent = accounts.create(new UserStore.NewUser(sid, "mr.khan", "Imran Khan", UserKind.PARENT, "i.khan@home.example", "parent-demo-pass", "lion", false));
    users.setPictureSequence(amira.id(), List.of("cat", "sun", "tree", "fish"));
    users.setPictureSequence(ben.id(), List.of("dog", "star", "moon", "cake"));
    users.linkParent(parent.id(), amira.id());

    spaces.addMember(sid, ict.id(), Role.OWNER, true);
    spaces.addMember(staff.id(), teacher.id(), Role.MEMBER, false);
    spaces.addMember(staff.id(), ict.id(), Role.MEMBER, false);
    // The class teacher owns her classes: she adds tools, members and picture logins there.
    for (Space cls : List.of(willow, oak)) spaces.addMember(cls.id(), teacher.id(), Role.OWNER, false);
    spaces.addMember(club.id(), teacher.id(), Role.OWNER, false);
    spaces.addMember(y2.id(), amira.id(), Role.MEMBER, false);
    spaces.addMember(y2.id(), ben.id(), Role.MEMBER, false);
    spaces.addMember(willow.id(), amira.id(), Role.MEMBER, false);
    spaces.addMember(willow.id(), ben.id(), Role.MEMBER, false);
    spaces.addMember(y5.id(), chloe.id(), Role.MEMBER, false);
    spaces.addMember(oak.id(), chloe.id(), Role.MEMBER, false);
    spaces.addMember(club.id(), chloe.id(), Role.MEMBER, false);
    return school;
  }

  private static void enableTools(Courtyard c, Space school) {
    SpaceStore spaces = c.get(SpaceStore.class);
    SchoolStore schools = c.get(SchoolStore.class);
    List<Space> all = new ArrayList<>(spaces.inSchool(school.id()));
    all.addAll(spaces.ofKind(school.id(), SpaceKind.PERSONAL));
    for (ToolRegistry.ActiveTool tool : c.get(ToolRegistry.class).tools()) {
      if (!schools.toolEnabled(school.id(), tool.id())) schools.setToolEnabled(school.id(), tool.id(), true);
      for (Space s : all) {
        if (s.kind() != SpaceKind.SCHOOL && tool.info().isSuitedTo(s.kind())) spaces.addTool(s.id(), tool.id());
      }
    }
  }
}
