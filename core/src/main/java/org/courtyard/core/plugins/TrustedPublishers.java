package org.courtyard.core.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;

/**
 * The publishers whose signed plugins this installation installs: X.509 certificates ({@code *.pem},
 * {@code *.crt}, {@code *.cer}) in a folder ({@code conf/trusted-publishers}; the distribution puts its
 * own first-party certificate there). Read at each check, so adding a publisher needs no restart.
 */
public final class TrustedPublishers {
  private static final Logger LOG = Logger.getLogger(TrustedPublishers.class.getName());
  private final Path folder;

  public TrustedPublishers(Path folder) { this.folder = folder; }

  public Path folder() { return folder; }

  /** The trusted publisher who signed a jar (its certificate's common name), if any certificate of the signer's chain is one of ours. */
  public Optional<String> publisherOf(List<X509Certificate> signerChain) {
    List<X509Certificate> trusted = certificates();
    for (X509Certificate c : signerChain) {
      for (X509Certificate t : trusted) {
        if (t.getPublicKey().equals(c.getPublicKey())) return Optional.of(commonName(t.getSubjectX500Principal()));
      }
    }
    return Optional.empty();
  }

  List<X509Certificate> certificates() {
    List<X509Certificate> out = new ArrayList<>();
    if (!Files.isDirectory(folder)) return out;
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(TrustedPublishers::certificateFile).sorted().toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) if (c instanceof X509Certificate x) out.add(x);
        } catch (CertificateException | IOException e) {
          LOG.warning("Not a certificate, ignored: " + f + " (" + e.getMessage() + ")");
        }
      }
    } catch (IOException e) {
      LOG.warning("Cannot read " + folder + ": " + e.getMessage());
    }
    return out;
  }

  private static boolean certificateFile(Path f) {
    String n = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".pem") || n.endsWith(".crt") || n.endsWith(".cer");
  }

  /** "CN=Courtyard first party, O=…" → "Courtyard first party". */
  public static String commonName(X500Principal p) {
    for (String part : p.getName(X500Principal.RFC2253).split(",")) {
      if (part.startsWith("CN=")) return part.substring(3).replace("\\", "");
    }
    return p.getName();
  }
}
