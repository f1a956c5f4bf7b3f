package org.courtyard.core.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * A plugin jar read and checked before any of it is loaded: its descriptor ({@code plugin.properties},
 * with {@code plugin.upgradesFrom}), its SHA-256, and its entries. Every entry is read in full, so a
 * changed entry of a signed jar fails Java's signed-jar check (naming it), an entry added after signing
 * shows as unsigned, and an entry of any jar whose bytes do not match its CRC is caught. A file that is
 * not a readable zip is "damaged", never a plugin with "no extension".
 */
public record PluginPackage(Path file, String id, String version, String requires, String upgradesFrom, String description,
                            String provider, String license, String sha256, List<X509Certificate> signer) {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+-]{1,50}");

  public boolean signed() { return !signer.isEmpty(); }

  /** The plugin's file name in the plugins folder: versioned, so a new version never overwrites the running jar. */
  public String fileName() { return id + "-" + version + ".jar"; }

  public static PluginPackage read(Path file) {
    if (!Files.isRegularFile(file)) throw new PluginRefused("plugin.refused.noFile", "file", String.valueOf(file.getFileName()));
    String sha256 = sha256(file);
    Properties descriptor = null;
    List<X509Certificate> signer = null;
    List<String> unsigned = new ArrayList<>();
    try (JarFile jar = new JarFile(file.toFile(), true)) {
      for (JarEntry e : Collections.list(jar.entries())) {
        if (e.isDirectory()) continue;
        byte[] bytes = readEntry(jar, e);
        if ("plugin.properties".equals(e.getName())) descriptor = properties(bytes);
        if (signatureFile(e.getName())) continue;
        CodeSigner[] signers = e.getCodeSigners();
        if (signers == null || signers.length == 0) {
          unsigned.add(e.getName());
        } else {
          List<X509Certificate> chain = chain(signers[0]);
          if (signer == null) signer = chain;
          else if (!signer.get(0).equals(chain.get(0))) throw new PluginRefused("plugin.refused.signedByOther", "entry", e.getName());
        }
      }
    } catch (SecurityException e) {
      throw new PluginRefused("plugin.refused.signatureMismatch", "problem", String.valueOf(e.getMessage()));
    } catch (IOException e) {
      throw new PluginRefused("plugin.refused.damaged", "problem", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    if (signer != null && !unsigned.isEmpty()) {
      throw new PluginRefused("plugin.refused.notCovered", "entry", unsigned.get(0));
    }
    if (descriptor == null) throw new PluginRefused("plugin.refused.notPlugin", "file", String.valueOf(file.getFileName()));
    String id = descriptor.getProperty("plugin.id", "").trim();
    String version = descriptor.getProperty("plugin.version", "").trim();
    if (!ID.matcher(id).matches()) throw new PluginRefused("plugin.refused.badId", "id", id);
    if (!VERSION.matcher(version).matches()) throw new PluginRefused("plugin.refused.badVersion", "version", version);
    String upgradesFrom = descriptor.getProperty("plugin.upgradesFrom", "").trim();
    return new PluginPackage(file, id, version, descriptor.getProperty("plugin.requires", "*").trim(), upgradesFrom.isEmpty() ? null : upgradesFrom,
        descriptor.getProperty("plugin.description", ""), descriptor.getProperty("plugin.provider", ""), descriptor.getProperty("plugin.license", ""),
        sha256, signer == null ? List.of() : List.copyOf(signer));
  }

  /** Reads an entry whole: that is when Java checks a signed entry's digest; the CRC check covers unsigned jars. */
  private static byte[] readEntry(JarFile jar, JarEntry e) throws IOException {
    byte[] bytes;
    try (InputStream in = jar.getInputStream(e)) {
      bytes = in.readAllBytes();
    } catch (SecurityException se) {
      throw new PluginRefused("plugin.refused.entryMismatch", "entry", e.getName(), "problem", String.valueOf(se.getMessage()));
    } catch (IOException io) {
      throw new IOException(e.getName() + ": " + io.getMessage(), io);
    }
    CRC32 crc = new CRC32();
    crc.update(bytes);
    if (e.getCrc() != -1 && e.getCrc() != crc.getValue()) throw new IOException(e.getName() + " does not match its checksum");
    return bytes;
  }

  private static Properties properties(byte[] bytes) throws IOException {
    Properties p = new Properties();
    p.load(new java.io.StringReader(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
    return p;
  }

  /** The manifest and signature files themselves are not signed entries. */
  static boolean signatureFile(String name) {
    String upper = name.toUpperCase(java.util.Locale.ROOT);
    if (!upper.startsWith("META-INF/") || upper.indexOf('/', 9) >= 0) return false;
    return upper.equals("META-INF/MANIFEST.MF") || upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA")
        || upper.endsWith(".EC") || upper.startsWith("META-INF/SIG-");
  }

  private static List<X509Certificate> chain(CodeSigner signer) {
    List<X509Certificate> out = new ArrayList<>();
    for (Certificate c : signer.getSignerCertPath().getCertificates()) if (c instanceof X509Certificate x) out.add(x);
    return out;
  }

  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[65536];
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new PluginRefused("plugin.refused.unreadable", "problem", String.valueOf(e.getMessage()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
