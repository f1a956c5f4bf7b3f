package org.courtyard.core.plugins.catalogue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import jdk.security.jarsigner.JarSigner;
import org.courtyard.api.Capability;
import org.courtyard.api.Tool;
import org.courtyard.api.ToolInfo;

/**
 * Makes a plugin repository folder (the catalogue's format: {@code plugins.json} and the jars it names)
 * from a folder of plugin jars, signing each jar as a publisher. The distribution build runs it on its
 * first-party plugins, so a school without internet has a catalogue, and ships the publisher's
 * certificate in {@code conf/trusted-publishers}.
 * <p>
 * A release build passes the project's keystore ({@code --keystore}, its password in {@code COURTYARD_SIGNING_PASS}); without one a
 * key is made for this build, and only the distribution built with it trusts it.
 * <pre>
 * COURTYARD_SIGNING_PASS=... java -cp lib/* org.courtyard.core.plugins.catalogue.RepositoryPublisher --jars plugins \
 *      --out repository --trust conf/trusted-publishers [--keystore first-party.p12] [--publisher "Courtyard first party"]
 * </pre>
 */
public final class RepositoryPublisher {
  private static final String ALIAS = "publisher";
  private static final org.pf4j.VersionManager VERSIONS = new org.pf4j.DefaultVersionManager();
  private static final Pattern CREATE_TABLE = Pattern.compile("(?i)CREATE\\s+TABLE\\s+\"?([A-Za-z0-9_]+)");

  private final Path keystore;
  private final char[] storePass;
  private final String publisher;

  RepositoryPublisher(Path keystore, char[] storePass, String publisher) {
    this.keystore = keystore;
    this.storePass = storePass;
    this.publisher = publisher;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) throw new IllegalArgumentException("Expected --option value, found " + args[i]);
      opts.put(args[i].substring(2), args[i + 1]);
    }
    Path jars = Path.of(required(opts, "jars"));
    Path out = Path.of(required(opts, "out"));
    Path trust = Path.of(required(opts, "trust"));
    String publisher = opts.getOrDefault("publisher", "Courtyard first party");
    Path keystore;
    char[] pass;
    if (!opts.getOrDefault("keystore", "").isBlank()) {
      // A release key: the password comes from the environment, never the command line.
      keystore = Path.of(opts.get("keystore"));
      String env = System.getenv("COURTYARD_SIGNING_PASS");
      if (env == null) throw new IllegalArgumentException("Set COURTYARD_SIGNING_PASS to the keystore's password");
      pass = env.toCharArray();
    } else {
      // No release key given: make one for this build (kept beside the output, never shipped).
      pass = HexFormat.of().formatHex(java.security.SecureRandom.getInstanceStrong().generateSeed(16)).toCharArray();
      keystore = out.resolveSibling(out.getFileName() + "-build-key.p12");
      Files.deleteIfExists(keystore);
      makeKey(keystore, pass, publisher);
    }
    int n = new RepositoryPublisher(keystore, pass, publisher).publish(jars, out, trust);
    System.out.println("Plugin repository " + out + ": " + n + " plugins signed by " + publisher + "; certificate in " + trust);
  }

  private static String required(Map<String, String> opts, String name) {
    String v = opts.get(name);
    if (v == null) throw new IllegalArgumentException("Missing --" + name);
    return v;
  }

  /** Signs every plugin jar in {@code jarsDir} into {@code out}, writes its plugins.json and the publisher's certificate into {@code trustDir}. */
  int publish(Path jarsDir, Path out, Path trustDir) throws Exception {
    if (Files.isDirectory(out)) {
      try (Stream<Path> old = Files.walk(out)) {
        for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
      }
    }
    Files.createDirectories(out);
    Files.createDirectories(trustDir);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, storePass);
    }
    PrivateKey key = (PrivateKey) ks.getKey(ALIAS, storePass);
    var chain = ks.getCertificateChain(ALIAS);
    String pem = "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(chain[0].getEncoded())
        + "\n-----END CERTIFICATE-----\n";
    Files.writeString(trustDir.resolve(publisher.toLowerCase(java.util.Locale.ROOT).replaceAll("\\W+", "-") + ".pem"), pem);
    JarSigner signer = new JarSigner.Builder(key, CertificateFactory.getInstance("X.509").generateCertPath(Arrays.asList(chain)))
        .digestAlgorithm("SHA-256").signerName("CYARD").build();

    // One entry per plugin, each version found a release of it (newest first).
    Map<String, JsonObject> entries = new java.util.TreeMap<>();
    List<Path> jars;
    try (Stream<Path> s = Files.list(jarsDir)) {
      jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    }
    for (Path jar : jars) {
      Properties d = descriptor(jar);
      String id = d.getProperty("plugin.id");
      String version = d.getProperty("plugin.version");
      if (id == null || version == null) continue;
      Path folder = out.resolve(id);
      Files.createDirectories(folder);
      String fileName = id + "-" + version + ".jar";
      Path signed = folder.resolve(fileName);
      try (ZipFile in = new ZipFile(jar.toFile()); OutputStream o = Files.newOutputStream(signed)) {
        signer.sign(in, o);
      }
      JsonObject release = new JsonObject().put("version", version).put("date", LocalDate.now().toString())
          .put("requires", d.getProperty("plugin.requires", "*")).put("url", id + "/" + fileName).put("sha256", sha256(signed));
      if (d.getProperty("plugin.upgradesFrom") != null) release.put("upgradesFrom", d.getProperty("plugin.upgradesFrom"));
      JsonObject entry = entries.get(id);
      if (entry != null) {
        entry.getJsonArray("releases").add(release);
        continue;
      }
      entry = new JsonObject().put("id", id)
          .put("description", d.getProperty("plugin.description", ""))
          .put("provider", d.getProperty("plugin.provider", publisher))
          .put("licence", d.getProperty("plugin.license", ""))
          .put("data", dataKept(jar))
          .put("releases", new JsonArray().add(release));
      describeTools(jar, entry);
      // Importers and other plugins without a tool are named by their descriptor.
      if (!entry.containsKey("name")) entry.put("name", entry.getString("description").isEmpty() ? id : entry.getString("description").split(":")[0]);
      entries.put(id, entry);
    }
    JsonArray index = new JsonArray();
    for (JsonObject e : entries.values()) {
      List<Object> releases = new ArrayList<>(e.getJsonArray("releases").getList());
      // PF4J's own semantic-version order, as the installer compares versions.
      releases.sort((a, b) -> VERSIONS.compareVersions(release(b), release(a)));
      e.put("releases", new JsonArray(releases));
      index.add(e);
    }
    Files.writeString(out.resolve("plugins.json"), index.encodePrettily());
    return index.size();
  }

  private static String release(Object r) {
    return r instanceof JsonObject o ? o.getString("version") : ((Map<?, ?>) r).get("version").toString();
  }

  static Properties descriptor(Path jar) throws IOException {
    Properties p = new Properties();
    try (ZipFile z = new ZipFile(jar.toFile())) {
      ZipEntry e = z.getEntry("plugin.properties");
      if (e != null) try (InputStream in = z.getInputStream(e)) {
        p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      }
    }
    return p;
  }

  /** The tables the plugin's migrations create: what it keeps, in words an ICT leader can check. */
  static String dataKept(Path jar) throws IOException {
    TreeSet<String> tables = new TreeSet<>();
    try (ZipFile z = new ZipFile(jar.toFile())) {
      for (ZipEntry e : Collections.list(z.entries())) {
        if (!e.getName().startsWith("db/") || !e.getName().endsWith(".sql")) continue;
        try (InputStream in = z.getInputStream(e)) {
          Matcher m = CREATE_TABLE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          while (m.find()) tables.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    return tables.isEmpty() ? "No tables of its own." : "Its own tables: " + String.join(", ", tables) + ".";
  }

  /** Name and capabilities from the plugin's tools, read by loading the jar beside the plugin API (nothing is started). */
  private static void describeTools(Path jar, JsonObject entry) {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, RepositoryPublisher.class.getClassLoader())) {
      // The index is read from this jar itself: through the loader, its parent's copy could answer.
      List<String> names = new ArrayList<>();
      try (ZipFile z = new ZipFile(jar.toFile())) {
        ZipEntry e = z.getEntry("META-INF/extensions.idx");
        if (e == null) return;
        try (InputStream idx = z.getInputStream(e)) {
          for (String line : new String(idx.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) names.add(line.trim());
          }
        }
      }
      JsonArray caps = new JsonArray();
      List<String> titles = new ArrayList<>();
      for (String name : names) {
        Class<?> type = Class.forName(name, false, loader);
        if (!Tool.class.isAssignableFrom(type)) continue;
        ToolInfo info = ((Tool) type.getDeclaredConstructor().newInstance()).info();
        titles.add(info.title());
        if (entry.getString("description", "").isEmpty()) entry.put("description", info.description());
        for (Capability c : info.capabilities()) {
          caps.add(new JsonObject().put("id", c.id()).put("label", c.description())
              .put("defaultRole", c.defaultRole().name().toLowerCase(java.util.Locale.ROOT)));
        }
      }
      if (!titles.isEmpty()) entry.put("name", String.join(", ", titles));
      entry.put("capabilities", caps);
    } catch (Exception | LinkageError e) {
      // A plugin that cannot be described is still listed, by its id and descriptor.
      System.err.println("Could not read the tools of " + jar.getFileName() + ": " + e);
    }
  }

  private static String sha256(Path f) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(f)) {
      in.transferTo(new java.security.DigestOutputStream(OutputStream.nullOutputStream(), md));
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** A publisher key and self-signed certificate, made with the JDK's keytool. */
  static void makeKey(Path keystore, char[] pass, String publisher) throws IOException {
    Files.createDirectories(keystore.toAbsolutePath().getParent());
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", ALIAS,
        "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + publisher + ", O=Courtyard", "-validity", "3650",
        "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", new String(pass), "-keypass", new String(pass));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("keytool failed: " + output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
