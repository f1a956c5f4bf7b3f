package org.courtyard.core.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.courtyard.core.identity.UserStore;
import org.courtyard.core.notify.NotificationStore;
import org.courtyard.core.services.SchoolStore;
import org.courtyard.core.spaces.SpaceStore;
import org.courtyard.testkit.CourtyardExtension;
import org.courtyard.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pages show times in the school's time zone, not the server's: a school abroad reads its own clock. */
class SchoolTimeZoneIT {
  @RegisterExtension
  static final CourtyardExtension courtyard = CourtyardExtension.withDemoSchool();

  @Test
  void aNoticesTimeIsShownInTheSchoolsZone() {
    long amira = courtyard.get(UserStore.class).byUsername("amira").orElseThrow().id();
    NotificationStore notices = courtyard.get(NotificationStore.class);
    notices.add("core", amira, "Trip letter", "/s/2-willow");
    NotificationStore.Notice notice = notices.latest(amira, 1).get(0);
    long school = courtyard.get(SpaceStore.class).bySlug("oakfield").orElseThrow().id();
    DateTimeFormatter shown = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);
    for (String zone : new String[] {"Pacific/Kiritimati", "Pacific/Pago_Pago"}) {
      courtyard.get(SchoolStore.class).setTimeZone(school, ZoneId.of(zone));
      TestClient.Response page = courtyard.signIn("amira").get("/notifications");
      String expected = shown.format(notice.at().atZone(ZoneId.of(zone)));
      assertTrue(page.contains(expected), zone + ": expected " + expected + " in " + page.body());
    }
  }
}
