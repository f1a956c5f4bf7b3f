package org.courtyard.core.it.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import jdk.security.jarsigner.JarSigner;

/**
 * A publisher's key made for a test with the JDK's keytool (an EC key in a PKCS12 keystore), its
 * certificate as PEM (what an installation puts in conf/trusted-publishers), and signing with the
 * JDK's JarSigner, as a release build's jarsigner would.
 */
final class TestKeys {
  private static final char[] PASS = "test-pass".toCharArray();
  final Path keystore;
  final Path certificate;
  private final String name;

  private TestKeys(Path keystore, Path certificate, String name) {
    this.keystore = keystore;
    this.certificate = certificate;
    this.name = name;
  }

  static TestKeys make(Path dir, String publisher) {
    try {
      Files.createDirectories(dir);
      String alias = "publisher";
      Path ks = dir.resolve(publisher.replaceAll("\\W", "-") + ".p12");
      Path pem = dir.resolve(publisher.replaceAll("\\W", "-") + ".pem");
      keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + publisher + ", O=Courtyard tests",
          "-validity", "3650", "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", new String(PASS), "-keypass", new String(PASS));
      keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", ks.toString(), "-storepass", new String(PASS), "-file", pem.toString());
      return new TestKeys(ks, pem, publisher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void keytool(String... args) throws IOException {
    List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    cmd.addAll(Arrays.asList(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("keytool failed: " + out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Signs {@code jar} into {@code signed}. */
  Path sign(Path jar, Path signed) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (var in = Files.newInputStream(keystore)) {
        ks.load(in, PASS);
      }
      PrivateKey key = (PrivateKey) ks.getKey("publisher", PASS);
      var path = CertificateFactory.getInstance("X.509").generateCertPath(Arrays.asList(ks.getCertificateChain("publisher")));
      JarSigner signer = new JarSigner.Builder(key, path).digestAlgorithm("SHA-256").signerName("PUBLISH").build();
      try (ZipFile in = new ZipFile(jar.toFile()); OutputStream out = Files.newOutputStream(signed)) {
        signer.sign(in, out);
      }
      return signed;
    } catch (Exception e) {
      throw new IllegalStateException("Could not sign " + jar + " as " + name, e);
    }
  }

  /** A copy of a signed jar with one entry's content changed after signing (the signature files kept as they were). */
  static Path tamper(Path signedJar, String entry, String newContent, Path out) {
    try (ZipFile in = new ZipFile(signedJar.toFile()); ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals(entry)) zip.write(newContent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        else try (var data = in.getInputStream(e)) {
          data.transferTo(zip);
        }
        zip.closeEntry();
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
