package org.courtyard.core.it.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.courtyard.core.audit.AuditLog;
import org.courtyard.core.identity.UserStore;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ICT leader's audit log: who changed whose credentials, roles and memberships, sign-in failures; filters, CSV, keeping time. */
class AuditLogIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool();

  private static long id(String username) { return courtyard.get(UserStore.class).byUsername(username).orElseThrow().id(); }

  @Test
  void credentialRoleAndMembershipChangesAreRecordedWithWhoDidThem() {
    TestClient ict = courtyard.signIn("ict.leader");
    TestClient teacher = courtyard.signIn("mrs.patel");
    courtyard.anonymous().post("/login", Map.of("username", "chloe", "password", "not-chloes-password"));
    assertEquals(303, teacher.post("/pupils/" + id("ben") + "/pictures", Map.of("random", "true")).status());
    assertEquals(303, teacher.post("/s/coding-club/manage/add-member", Map.of("username", "amira", "role", "MEMBER")).status());
    assertEquals(303, ict.post("/admin/oakfield/users/" + id("chloe") + "/password", Map.of("password", "learner-demo-pass")).status());
    assertEquals(303, ict.post("/admin/oakfield/users/" + id("mrs.patel") + "/safeguarding", Map.of("lead", "true")).status());

    TestClient.Response all = ict.get("/admin/oakfield/audit");
    assertEquals(200, all.status());
    for (String line : new String[] {"Sign-in failed", "Picture password set by someone else", "Added to a space", "Password reset by someone else",
        "Safeguarding lead changed"}) {
      assertTrue(all.contains("<td>" + line + "</td>"), line + " is in the log");
    }
    TestClient.Response pictures = ict.get("/admin/oakfield/audit?action=PICTURES_RESET&person=ben");
    assertTrue(pictures.contains("Priya Patel (mrs.patel)") && pictures.contains("Ben Okafor (ben)"), "who did it and to whom");
    assertFalse(pictures.contains("<td>Sign-in failed</td>"), "the filter keeps to one kind");
    TestClient.Response csv = ict.get("/admin/oakfield/audit.csv?person=chloe");
    assertEquals(200, csv.status());
    assertTrue(csv.header("Content-Type").startsWith("text/csv"));
    assertTrue(csv.body().startsWith("when_utc,what,who_did_it,to_whom,detail,address"));
    assertTrue(csv.contains("\"Password reset by someone else\",\"Sam Jones (ict.leader)\",\"Chloe Smith (chloe)\""), csv.body());
    assertTrue(csv.contains("\"Sign-in failed\""), "failed sign-ins, with the address they came from");
    assertEquals(422, ict.get("/admin/oakfield/audit?from=yesterday").status(), "a date it cannot read is said, not ignored");
    assertEquals(403, teacher.get("/admin/oakfield/audit").status(), "only the ICT leader reads it");
    ict.post("/admin/oakfield/users/" + id("mrs.patel") + "/safeguarding", Map.of("lead", "false"));
  }

  @Test
  void theSchoolChoosesHowLongEntriesAreKept() {
    TestClient ict = courtyard.signIn("ict.leader");
    assertEquals(303, ict.post("/admin/oakfield/audit/settings", Map.of("days", "10")).status());
    assertTrue(ict.get("/admin/oakfield/audit").contains("Kept for 365 days"), "under 30 days is refused; nothing changed");
    assertEquals(303, ict.post("/admin/oakfield/audit/settings", Map.of("days", "30")).status());
    assertTrue(ict.get("/admin/oakfield/audit").contains("Kept for 30 days"));
    courtyard.anonymous().post("/login", Map.of("username", "amira", "password", "an-old-mistake"));
    assertTrue(ict.get("/admin/oakfield/audit?person=amira&action=SIGN_IN_FAILED").contains("Amira Khan (amira)"));
    courtyard.advanceClock(Duration.ofDays(31));
    courtyard.get(AuditLog.class).purge();
    ict = courtyard.signIn("ict.leader");
    assertFalse(ict.get("/admin/oakfield/audit?person=amira&action=SIGN_IN_FAILED").contains("Amira Khan (amira)"), "gone after 30 days");
    assertTrue(ict.get("/admin/oakfield/audit").contains("Audit log settings changed"), "the change of keeping time is itself recorded");
  }
}
