package org.courtyard.core.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every setting the core reads is listed, with its default, in the conf/courtyard.properties a school receives. */
class ShippedSettingsTest {
  @Test
  void everyConfigKeyIsDocumentedInTheShippedFile() throws Exception {
    String shipped = Files.readString(Path.of("..", "dist", "src", "conf", "courtyard.properties"));
    for (Field f : Config.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class || !Modifier.isPublic(f.getModifiers())) continue;
      String key = (String) f.get(null);
      if (key.equals(Config.HOME)) continue; // set by bin/courtyard, not by the school
      assertTrue(shipped.contains("#" + key + "=") || shipped.contains("\n" + key + "="), key + " is missing from dist/src/conf/courtyard.properties");
    }
    assertTrue(shipped.contains("#" + org.courtyard.core.roster.ImportService.MAX_BYTES + "="), "the import limit is documented too");
  }
}
