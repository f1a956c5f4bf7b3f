package org.courtyard.bench;

import java.nio.file.Path;

/** Entry point: {@code Bench <unpacked distribution> [core|home|digest|tools|import|quiz|school|stream|db|trust|upgrade|all]}. */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    Path install = Path.of(args[0]);
    String which = args.length > 1 ? args[1] : "all";
    if (which.equals("core") || which.equals("all")) CoreBench.run(install);
    if (which.equals("home") || which.equals("all")) HomeBench.run(install);
    if (which.equals("digest") || which.equals("all")) DigestBench.run(install);
    if (which.equals("tools") || which.equals("all")) ToolsBench.run(install);
    if (which.equals("import") || which.equals("all")) ImportBench.run(install);
    if (which.equals("quiz") || which.equals("all")) QuizBench.run(install);
    if (which.equals("school") || which.equals("all")) SchoolBench.run(install);
    if (which.equals("stream") || which.equals("all")) StreamBench.run(install);
    if (which.equals("db") || which.equals("all")) DbBench.run(install);
    if (which.equals("trust") || which.equals("all")) TrustBench.run(install);
    if (which.equals("upgrade") || which.equals("all")) UpgradeBench.run(install);
  }
}
