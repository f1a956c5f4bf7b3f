package org.courtyard.journeys;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Chromium (Debian's chromium and chromedriver). Every page it lands on is
 * audited: axe-core's WCAG 2.0/2.1 A and AA rules, where serious and critical violations are
 * problems, and a 320 px wide window, where a page that scrolls sideways is a problem.
 */
final class Browser implements AutoCloseable {
  static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private static final int WIDE = 1280;
  private final ChromeDriver driver;
  private final URI base;
  private final Path out;
  private final Set<String> problems = new LinkedHashSet<>();
  private final List<String> audited = new ArrayList<>();
  private boolean auditing = true;

  Browser(URI base, Path out) {
    this.base = base;
    this.out = out;
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(find("chromedriver"))).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(find("chromium"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=en-GB", "--window-size=" + WIDE + ",900");
    driver = new ChromeDriver(service, options);
  }

  private static String find(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      File f = new File(dir, program);
      if (f.canExecute()) return f.getPath();
    }
    throw new IllegalStateException(program + " is not installed: run scripts/install-test-browser (./run-tests does).");
  }

  /** Opens a page of the server and audits it. */
  Browser go(String path) {
    driver.get(base.resolve(path).toString());
    return audit();
  }

  /** Opens any address (used to show the audit catches a bad page) and audits it. */
  Browser goToAddress(String url) {
    driver.get(url);
    return audit();
  }

  String path() { return URI.create(driver.getCurrentUrl()).getPath(); }

  String text() { return driver.findElement(By.tagName("body")).getText(); }

  String html() { return driver.getPageSource(); }

  WebElement byId(String id) { return driver.findElement(By.id(id)); }

  /** Types into the field with that id (clearing it first). */
  Browser fill(String id, String value) {
    WebElement e = byId(id);
    e.clear();
    e.sendKeys(value);
    return this;
  }

  /** Ticks or picks the control labelled exactly so (radio, checkbox). */
  Browser choose(String labelText) {
    WebElement label = driver.findElement(By.xpath("//label[normalize-space()=" + literal(labelText) + "]"));
    driver.findElement(By.id(label.getAttribute("for"))).click();
    return this;
  }

  /** Picks an option, by its text, in the select labelled so. */
  Browser select(String labelText, String option) {
    WebElement label = driver.findElement(By.xpath("//label[normalize-space()=" + literal(labelText) + "]"));
    new org.openqa.selenium.support.ui.Select(byId(label.getAttribute("for"))).selectByVisibleText(option);
    return this;
  }

  /** Submits the form holding the field with that id (whatever its button says, in any language), then audits where it lands. */
  Browser submitWith(String id) {
    byId(id).submit();
    return audit();
  }

  /** Presses the button (or follows the link) with exactly this text, then audits where it lands. */
  Browser press(String text) {
    element(text).click();
    return audit();
  }

  /** Presses a button inside the form posting to an address ending so (several forms share button texts). */
  Browser pressIn(String actionEnding, String text) {
    driver.findElement(By.xpath("//form[substring(@action, string-length(@action) - " + (actionEnding.length() - 1) + ")=" + literal(actionEnding)
        + "]//button[normalize-space()=" + literal(text) + "]")).click();
    return audit();
  }

  /** Presses a button inside the form that carries a field with this value (e.g. tool=wiki). */
  Browser pressInFormWith(String field, String value, String text) {
    driver.findElement(By.xpath("//form[.//input[@name=" + literal(field) + " and @value=" + literal(value) + "]]//button[normalize-space()=" + literal(text) + "]")).click();
    return audit();
  }

  /**
   * Presses the submit button that sends this name and value (a picture's button sends pick=cat), waits
   * until the next page has replaced this one, then audits it.
   */
  Browser pressButtonWith(String name, String value) {
    WebElement button = driver.findElement(By.xpath("//button[@name=" + literal(name) + " and @value=" + literal(value) + "]"));
    button.click();
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(button));
    return audit();
  }

  /** Follows the first link whose address contains this. */
  Browser follow(String hrefPart) {
    driver.findElement(By.cssSelector("a[href*='" + hrefPart + "']")).click();
    return audit();
  }

  /** Types into the field labelled exactly so. */
  Browser type(String labelText, String value) {
    WebElement label = driver.findElement(By.xpath("//label[normalize-space()=" + literal(labelText) + "]"));
    WebElement e = byId(label.getAttribute("for"));
    e.clear();
    e.sendKeys(value);
    return this;
  }

  /** Picks the option with this value in the select with this id. */
  Browser selectValue(String id, String value) {
    new org.openqa.selenium.support.ui.Select(byId(id)).selectByValue(value);
    return this;
  }

  private WebElement element(String text) {
    return driver.findElement(By.xpath("//button[normalize-space()=" + literal(text) + "] | //a[normalize-space()=" + literal(text) + "]"));
  }

  /**
   * Moves the keyboard focus with Tab until it reaches the control with this text, then presses Enter:
   * proof that a keyboard alone gets there. Fails after 60 presses.
   */
  Browser tabTo(String text) {
    WebElement body = driver.findElement(By.tagName("body"));
    body.click();
    for (int i = 0; i < 60; i++) {
      driver.switchTo().activeElement().sendKeys(Keys.TAB);
      WebElement focused = driver.switchTo().activeElement();
      String shown = focused.getText().trim();
      if (shown.equals(text) || shown.endsWith("\n" + text) || shown.endsWith(text) && shown.length() <= text.length() + 3) {
        focused.sendKeys(Keys.ENTER);
        return audit();
      }
    }
    throw new AssertionError("The keyboard never reached “" + text + "” on " + path());
  }

  /** Waits (up to 60 s) until the page text contains this, reloading as a person would. */
  Browser waitForText(String expected) {
    new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(250)).until(d -> {
      if (text().contains(expected)) return true;
      d.navigate().refresh();
      return false;
    });
    return audit();
  }

  /** Waits (up to 60 s, no reloads: a script may be at work) until the address matches, then audits. */
  Browser waitForPath(String regex) {
    new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(200)).until(d -> path().matches(regex));
    return audit();
  }

  /** Attaches a file to the file input with this id. */
  Browser attach(String id, Path file) {
    byId(id).sendKeys(file.toAbsolutePath().toString());
    return this;
  }

  Browser screenshot(String name) throws IOException {
    Files.createDirectories(out);
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Files.write(out.resolve(name + ".png"), png);
    return this;
  }

  /**
   * Stops (false) or restarts (true) auditing the pages this browser lands on: only for going through
   * pages it has just audited, in the same state, again (a child's second to fifth wrong try).
   */
  Browser auditing(boolean on) {
    auditing = on;
    return this;
  }

  /** The page's axe violations (serious, critical) and sideways scrolling at 320 px, noted once per page. */
  Browser audit() {
    if (!auditing) return this;
    String page = path();
    Results results;
    try {
      results = new AxeBuilder().withTags(WCAG).analyze(driver);
    } catch (org.openqa.selenium.JavascriptException e) {
      // The page's own script moved on to the next page while axe was being put into this one (the
      // sign upload sends its chunks, then goes to the video's page): audit the page it arrived at.
      new WebDriverWait(driver, java.time.Duration.ofSeconds(30)).until(
          d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
      page = path();
      results = new AxeBuilder().withTags(WCAG).analyze(driver);
    }
    audited.add(page);
    for (Rule r : results.getViolations()) {
      if (!"serious".equals(r.getImpact()) && !"critical".equals(r.getImpact())) continue;
      List<String> where = new ArrayList<>();
      for (CheckedNode n : r.getNodes()) where.add(String.valueOf(n.getTarget()));
      problems.add(page + ": " + r.getImpact() + " " + r.getId() + " (" + r.getHelp() + ") at " + where);
    }
    Dimension wide = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(320, wide.getHeight()));
    Object sideways = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1 ? document.documentElement.scrollWidth : 0;");
    if (sideways instanceof Number n && n.longValue() > 0) problems.add(page + ": at 320 px wide the page is " + n + " px wide and scrolls sideways");
    driver.manage().window().setSize(wide);
    return this;
  }

  /** Everything found wrong on the pages this browser saw. */
  Set<String> problems() { return problems; }

  List<String> audited() { return audited; }

  private static String literal(String s) {
    if (!s.contains("'")) return "'" + s + "'";
    return "concat('" + s.replace("'", "', \"'\", '") + "')";
  }

  @Override
  public void close() { driver.quit(); }
}
