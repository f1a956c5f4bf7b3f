package org.courtyard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Draws a scenario's latency over time as an SVG a person can open: every request as a dot, and p50/p99 per second as lines. */
final class Chart {
  private static final int W = 900;
  private static final int H = 420;
  private static final int LEFT = 70;
  private static final int BOTTOM = 50;
  private static final int TOP = 40;
  private static final int RIGHT = 20;

  private Chart() {}

  static String svg(SchoolBench.Scenario sc) {
    List<SchoolBench.Sample> s = sc.samples();
    double maxT = Math.max(1, s.stream().mapToDouble(x -> x.atMs() + x.ms()).max().orElse(1)) / 1000;
    double maxMs = Math.max(10, sc.percentile(0.999) * 1.1);
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", W, H, W, H));
    b.append("<title>").append(esc(sc.name() + ": " + sc.description())).append("</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", LEFT, esc(sc.description())));
    int plotW = W - LEFT - RIGHT;
    int plotH = H - TOP - BOTTOM;
    b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n", LEFT, TOP, plotW, plotH));
    for (int i = 0; i <= 4; i++) {
      double v = maxMs * i / 4;
      double y = TOP + plotH - plotH * i / 4.0;
      b.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f ms</text>%n",
          LEFT, LEFT + plotW, y, y, LEFT - 6, y + 4, v));
      double t = maxT * i / 4;
      double x = LEFT + plotW * i / 4.0;
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.0f s</text>%n", x, TOP + plotH + 18, t));
    }
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">time since the scenario started</text>%n", LEFT + plotW, H - 8));
    for (SchoolBench.Sample x : s) {
      double px = LEFT + plotW * (x.atMs() / 1000) / maxT;
      double py = TOP + plotH - plotH * Math.min(x.ms(), maxMs) / maxMs;
      b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.5\" fill=\"%s\" fill-opacity=\"0.35\"/>%n", px, py, x.ok() ? "#1d4f91" : "#d00"));
    }
    for (double p : new double[] {0.5, 0.99}) {
      List<String> points = new ArrayList<>();
      int seconds = (int) Math.ceil(maxT);
      for (int sec = 0; sec < seconds; sec++) {
        int from = sec;
        double[] l = s.stream().filter(x -> x.atMs() / 1000 >= from && x.atMs() / 1000 < from + 1).mapToDouble(SchoolBench.Sample::ms).sorted().toArray();
        if (l.length == 0) continue;
        double v = l[Math.min(l.length - 1, (int) (l.length * p))];
        points.add(String.format(Locale.ROOT, "%.1f,%.1f", LEFT + plotW * (sec + 0.5) / maxT, TOP + plotH - plotH * Math.min(v, maxMs) / maxMs));
      }
      b.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n", p == 0.5 ? "#0b6b2b" : "#e07b00", String.join(" ", points)));
    }
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#0b6b2b\">— p50 per second</text><text x=\"%d\" y=\"%d\" fill=\"#e07b00\">— p99 per second</text>"
        + "<text x=\"%d\" y=\"%d\" fill=\"#1d4f91\">• a request</text><text x=\"%d\" y=\"%d\" fill=\"#d00\">• a failed request</text>%n",
        LEFT, H - 8, LEFT + 130, H - 8, LEFT + 260, H - 8, LEFT + 360, H - 8));
    return b.append("</svg>\n").toString();
  }

  private static String esc(String s) { return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }
}
