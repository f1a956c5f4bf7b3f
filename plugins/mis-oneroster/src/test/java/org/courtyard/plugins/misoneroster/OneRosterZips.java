package org.courtyard.plugins.misoneroster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The sample exports under src/test/resources/oneroster, and zips made from them. */
final class OneRosterZips {
  private OneRosterZips() {}

  static Path sample(String name) {
    try {
      return Path.of(OneRosterZips.class.getResource("/oneroster/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A sample export's files by name. */
  static Map<String, byte[]> files(String sample) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(sample(sample))) {
      for (Path p : s.sorted().toList()) m.put(p.getFileName().toString(), Files.readAllBytes(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }

  static byte[] zip(String sample) { return zip(files(sample)); }

  /** A zip of these entries, names as given (so a test can write "../x.csv"). */
  static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Map<String, byte[]> with(Map<String, byte[]> files, String name, byte[] content) {
    Map<String, byte[]> m = new LinkedHashMap<>(files);
    if (content == null) m.remove(name);
    else m.put(name, content);
    return m;
  }

  static void copyFolder(String sample, Path to) throws IOException {
    Files.createDirectories(to);
    for (Map.Entry<String, byte[]> e : files(sample).entrySet()) Files.write(to.resolve(e.getKey()), e.getValue());
  }
}
