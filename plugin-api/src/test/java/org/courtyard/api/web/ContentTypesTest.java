package org.courtyard.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentTypesTest {
  @TempDir Path dir;

  private Path file(byte[] bytes) throws Exception {
    Path p = Files.createTempFile(dir, "f", ".bin");
    Files.write(p, bytes);
    return p;
  }

  private static byte[] ftyp(String brand) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(new byte[] {0, 0, 0, 0x18});
    b.writeBytes(("ftyp" + brand + "\0\0\0\0isommp41").getBytes(StandardCharsets.ISO_8859_1));
    b.writeBytes(new byte[100]);
    return b.toByteArray();
  }

  @Test
  void videosAreKnownByTheirContainer() throws Exception {
    assertEquals("video/mp4", ContentTypes.sniffVideo(file(ftyp("isom"))));
    assertEquals("video/mp4", ContentTypes.sniffVideo(file(ftyp("mp42"))));
    assertEquals("video/quicktime", ContentTypes.sniffVideo(file(ftyp("qt  "))));
    byte[] webm = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3, (byte) 0x9f, 0x42, (byte) 0x86, (byte) 0x81, 0x01, 0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm', 0, 0};
    assertEquals("video/webm", ContentTypes.sniffVideo(file(webm)));
  }

  @Test
  void soundPicturesAndRenamedFilesAreNotVideos() throws Exception {
    assertNull(ContentTypes.sniffVideo(file(ftyp("M4A "))), "an m4a recording is sound");
    assertEquals("audio/mp4", ContentTypes.sniff(file(ftyp("M4A "))), "sniff is unchanged for sound");
    assertNull(ContentTypes.sniffVideo(file(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0})));
    assertNull(ContentTypes.sniffVideo(file("just some text that someone renamed to clip.mp4".getBytes(StandardCharsets.UTF_8))));
    byte[] matroska = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3, 0x42, (byte) 0x82, (byte) 0x88, 'm', 'a', 't', 'r', 'o', 's', 'k', 'a'};
    assertNull(ContentTypes.sniffVideo(file(matroska)), "Matroska other than WebM does not play in browsers");
    assertNull(ContentTypes.sniffVideo(file(new byte[0])));
  }
}
