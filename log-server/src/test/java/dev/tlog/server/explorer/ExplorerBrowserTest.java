package dev.tlog.server.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.Severity;
import dev.tlog.proto.v1.AppendBatchRequest;
import dev.tlog.server.explorer.TamperingProxy.Tamper;
import dev.tlog.server.testing.HeadlessChromium;
import dev.tlog.server.testing.TestLog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web explorer in a real headless Chromium against a real ledger log: browsing the checkpoint
 * and entries, filtering and searching events, an event verified in the browser, and the same event
 * through a tampering proxy, which must show "verification failed". Screenshots go to {@code
 * target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerBrowserTest {
  private static final int FILLER = 24;

  private TestLog log;
  private HeadlessChromium chromium;
  private WebDriver browser;
  private TamperingProxy proxy;
  private String base;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    chromium = HeadlessChromium.start(Files.createDirectories(dir.resolve("profile")));
    browser = chromium.driver();
    log = TestLog.start(TestLog.ledgerConfig(dir.resolve("log")));
    Instant now = Instant.now();
    List<Event> events = new ArrayList<>();
    events.add(
        event(now.minusSeconds(50), "agent:planner", "agent.tool_call", Severity.WARNING)
            .payload(
                "{\"tool\":\"shell\",\"parameters\":{\"cmd\":\"df -h\"},\"result\":\"disk full on"
                    + " /var\"}")
            .meta("host", "db-1")
            .build());
    events.add(
        event(now.minusSeconds(40), "user:carol", "config.change", Severity.NOTICE)
            .payload("{\"old_hash\":\"aa\",\"new_hash\":\"bb\",\"diff\":\"timeout 30 -> 60\"}")
            .build());
    events.add(
        event(now.minusSeconds(30), "service:db", "health.check", Severity.ERROR)
            .payload("{\"status\":\"degraded\",\"detail\":\"replica lag 12s\"}")
            .build());
    events.add(
        event(now.minusSeconds(20), "system:cron", "process.crash", Severity.CRITICAL)
            .payload("{\"process\":\"backup\",\"exit\":137}")
            .build());
    events.add(
        event(
                now.minusSeconds(10),
                "user:<img src=x onerror=window.__xss=1>",
                "acme.note",
                Severity.INFO)
            .payload("{\"note\":\"<script>window.__xss=2</script>\"}")
            .build());
    append(events);
    List<Event> filler = new ArrayList<>();
    for (int i = 0; i < FILLER; i++) {
      filler.add(
          event(now.minusSeconds(5), "agent:builder", "acme.build", Severity.DEBUG)
              .payload("{\"step\":" + i + ",\"result\":\"ok\"}")
              .build());
    }
    append(filler);
    // The last entry is an event whose chain hash is the checkpoint's signed chain head.
    append(
        List.of(
            event(now, "agent:planner", "agent.tool_call", Severity.INFO)
                .payload("{\"tool\":\"http\",\"result\":\"ok\"}")
                .build()));
    proxy = new TamperingProxy(log.server.httpPort());
    base = "http://127.0.0.1:" + log.server.httpPort();
  }

  private static Event.Builder event(Instant t, String actor, String action, Severity s) {
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    return Event.builder().time(t).actor(actor).action(action).severity(s).salt(Hash.of(salt));
  }

  private void append(List<Event> events) {
    AppendBatchRequest.Builder b = AppendBatchRequest.newBuilder();
    events.forEach(e -> b.addEntries(ByteString.copyFrom(EventCodec.submission(e))));
    log.blocking.appendBatch(b.build());
  }

  @AfterAll
  void stop() throws Exception {
    if (proxy != null) {
      proxy.close();
    }
    if (chromium != null) {
      chromium.close();
    }
    if (log != null) {
      log.close();
    }
  }

  private String status(String id) {
    return chromium.await(
        d -> {
          WebElement e = d.findElement(By.id(id));
          String s = e.getAttribute("data-status");
          return "pending".equals(s) ? null : s + " | " + e.getText();
        });
  }

  private void open(String url) {
    browser.get(url);
    // A hash change in the same document does not reload; force a fresh page each time.
    browser.navigate().refresh();
  }

  @Test
  void checkpointPageShowsAVerifiedSignature() throws Exception {
    browser.get(base + "/");
    assertTrue(browser.getCurrentUrl().endsWith("/explorer/"), browser.getCurrentUrl());
    assertEquals("verified | verified", status("checkpoint-status"));
    String fields = browser.findElement(By.id("checkpoint-fields")).getText();
    assertTrue(fields.contains(TestLog.ORIGIN), fields);
    assertTrue(fields.contains("Size " + size()), fields);
    assertFalse(fields.contains("Closed"), fields);
    String sigs = browser.findElement(By.id("signatures")).getText();
    assertTrue(sigs.contains(TestLog.ORIGIN) && sigs.contains("log"), sigs);
    chromium.await(d -> d.findElement(By.id("signatures")).getText().contains("verified"));
    System.out.println("checkpoint page: " + fields.replace('\n', ' '));
    chromium.screenshot("checkpoint");
  }

  @Test
  void aClosedLogSaysSoOnItsCheckpointPage(@TempDir Path other) throws Exception {
    try (TestLog closed = TestLog.start(TestLog.config(other).closing())) {
      open("http://127.0.0.1:" + closed.server.httpPort() + "/explorer/");
      String fields =
          chromium.await(
              d -> {
                String t = d.findElement(By.id("checkpoint-fields")).getText();
                return t.contains("Closed") ? t : null;
              });
      assertTrue(fields.contains("at size 0: its final checkpoint"), fields);
    }
  }

  @Test
  void entriesArePaged() throws Exception {
    open(base + "/explorer/#/entries");
    List<WebElement> rows =
        chromium.await(d -> nonEmpty(d.findElements(By.cssSelector("#entries tbody tr"))));
    assertEquals(20, rows.size());
    assertEquals("0", rows.get(0).getAttribute("data-index"));
    assertTrue(rows.get(0).getText().contains("clock mark"), rows.get(0).getText());
    chromium.screenshot("entries");
    browser.findElement(By.xpath("//div[@id='entries-pager']/button[text()='Next']")).click();
    List<WebElement> next =
        chromium.await(
            d -> {
              List<WebElement> r = d.findElements(By.cssSelector("#entries tbody tr"));
              return !r.isEmpty() && "20".equals(r.get(0).getAttribute("data-index")) ? r : null;
            });
    assertEquals(size() - 20, next.size());
    System.out.println("entries: page 1 has 20 rows, page 2 has " + next.size() + " of " + size());
  }

  @Test
  void eventsFilterByActorAndSeverity() throws Exception {
    open(base + "/explorer/#/events");
    browser.findElement(By.id("filter-actor")).sendKeys("agent:planner");
    browser.findElement(By.id("filter-submit")).click();
    List<String> actors = chromium.await(d -> column(d, "actor", u -> u.contains("actor=agent")));
    assertEquals(List.of("agent:planner", "agent:planner"), actors);

    open(base + "/explorer/#/events");
    new Select(browser.findElement(By.id("filter-min_severity"))).selectByValue("error");
    browser.findElement(By.id("filter-submit")).click();
    List<String> severities =
        chromium.await(d -> column(d, "severity", u -> u.contains("min_severity=error")));
    assertEquals(List.of("error", "critical"), severities);
    chromium.screenshot("events-min-severity-error");

    // An event-time range after every event: none matches, and the form shows the range.
    open(base + "/explorer/#/events?from=2100-01-01T00:00:00Z");
    assertEquals(
        "No event matches.", chromium.await(d -> d.findElement(By.id("events-empty")).getText()));
    assertEquals(
        "2100-01-01T00:00",
        browser.findElement(By.id("filter-from")).getAttribute("value").substring(0, 16));
    System.out.println("events: actor filter " + actors + ", min severity error " + severities);
  }

  @Test
  void fullTextSearchFindsThePayload() throws Exception {
    open(base + "/explorer/#/events");
    browser.findElement(By.id("filter-text")).sendKeys("\"disk full\"");
    browser.findElement(By.id("filter-submit")).click();
    List<String> actions = chromium.await(d -> column(d, "action", u -> u.contains("text=")));
    assertEquals(List.of("agent.tool_call"), actions);
    String payload = browser.findElement(By.cssSelector("#events tbody tr td.payload")).getText();
    assertTrue(payload.contains("disk full on /var"), payload);
    chromium.screenshot("events-search");

    open(base + "/explorer/#/events?text=disk%20AND");
    String error = chromium.await(d -> d.findElement(By.id("events-error")).getText());
    assertTrue(error.startsWith("filter.text: Cannot parse"), error);
    System.out.println("search \"disk full\" -> " + actions + "; bad query -> " + error);
  }

  @Test
  void anEventIsVerifiedInTheBrowser() throws Exception {
    open(base + "/explorer/#/events?text=%22disk%20full%22");
    chromium
        .await(d -> nonEmpty(d.findElements(By.cssSelector("#events tbody tr"))))
        .get(0)
        .click();
    assertEquals("verified | verified", status("verify-status"));
    String checks = browser.findElement(By.id("verify-checks")).getText();
    for (String c :
        List.of("checkpoint signature", "leaf hash", "inclusion proof", "chain link", "payload")) {
      assertTrue(checks.contains(c + ":"), checks);
    }
    String fields = browser.findElement(By.id("event-fields")).getText();
    assertTrue(fields.contains("agent:planner") && fields.contains("host = db-1"), fields);
    assertTrue(browser.findElement(By.id("payload")).getText().contains("\"cmd\": \"df -h\""));
    System.out.println("event page checks:\n" + checks);
    chromium.screenshot("event-verified");

    open(base + "/explorer/#/entry/" + (size() - 1));
    assertEquals("verified | verified", status("verify-status"));
    assertTrue(browser.findElement(By.id("verify-checks")).getText().contains("signed chain head"));
  }

  @Test
  void tamperedAnswersFailVerification() throws Exception {
    String via = "http://127.0.0.1:" + proxy.port() + "/explorer/#/entry/" + indexOfDiskFull();
    try {
      for (Tamper t :
          List.of(Tamper.ENTRY, Tamper.PROOF, Tamper.SIGNATURE, Tamper.CHAIN, Tamper.PAYLOAD)) {
        proxy.tamper(t);
        open(via);
        String s = status("verify-status");
        assertTrue(s.startsWith("failed | verification failed: "), t + ": " + s);
        System.out.println("tampered " + t + ": " + s.substring("failed | ".length()));
        chromium.screenshot("event-tampered-" + t.name().toLowerCase());
      }
      Map<Tamper, String> expected =
          Map.of(Tamper.ENTRY, "inclusion proof", Tamper.SIGNATURE, "checkpoint signature");
      for (Map.Entry<Tamper, String> e : expected.entrySet()) {
        proxy.tamper(e.getKey());
        open(via);
        assertTrue(status("verify-status").contains(e.getValue()), e.getKey().toString());
      }
      proxy.tamper(Tamper.SIGNATURE);
      open("http://127.0.0.1:" + proxy.port() + "/explorer/#/checkpoint");
      String s = status("checkpoint-status");
      assertTrue(s.startsWith("failed | verification failed: checkpoint signature"), s);
      chromium.screenshot("checkpoint-tampered");
      proxy.tamper(Tamper.NONE);
      open(via);
      assertEquals("verified | verified", status("verify-status"));
    } finally {
      proxy.tamper(Tamper.NONE);
    }
  }

  @Test
  void valuesFromTheLogAreShownAsText() throws Exception {
    open(base + "/explorer/#/events?action=acme.note");
    List<String> actors = chromium.await(d -> column(d, "actor", u -> true));
    assertEquals(List.of("user:<img src=x onerror=window.__xss=1>"), actors);
    browser.findElement(By.cssSelector("#events tbody tr")).click();
    status("verify-status");
    assertTrue(browser.findElement(By.id("payload")).getText().contains("<script>"));
    assertNull(((JavascriptExecutor) browser).executeScript("return window.__xss;"));
    assertTrue(browser.findElements(By.cssSelector("main img, main script")).isEmpty());
  }

  @Test
  void witnessPageSaysThereAreNone() throws Exception {
    open(base + "/explorer/#/witnesses");
    String text = chromium.await(d -> d.findElement(By.id("no-witnesses")).getText());
    assertTrue(text.contains("no witnesses"), text);
    chromium.screenshot("witnesses");
  }

  /**
   * verify.js against the repository's vectors: every inclusion case (valid ones verify, mutated
   * ones are refused), the RFC 6962 reference proofs and their mutations, leaf hashes, and the
   * signed checkpoints (Ed25519 through WebCrypto).
   */
  @Test
  void verifyJsAgreesWithTheVectors() throws Exception {
    open(base + "/explorer/#/witnesses");
    chromium.await(d -> d.findElement(By.id("no-witnesses")));
    Path vectors = Path.of(System.getProperty("tlog.vectors.dir", "../spec/vectors"));
    if (!Files.isDirectory(vectors)) {
      // Run from the module directory, the build's property points below it.
      vectors = Path.of("..", "spec", "vectors");
    }
    JsonObject inclusion = json(vectors.resolve("proofs/inclusion.json"));
    JsonObject reference = json(vectors.resolve("proofs/rfc6962-reference.json"));
    JsonArray cases = new JsonArray();
    inclusion.getJsonArray("cases").forEach(cases::add);
    reference.getJsonArray("inclusion").forEach(cases::add);
    for (Object o : reference.getJsonArray("invalid")) {
      if ("inclusion".equals(((JsonObject) o).getString("type"))) {
        cases.add(o);
      }
    }
    JsonObject leaves = json(vectors.resolve("hashing/leaf.json"));
    JsonObject signed = json(vectors.resolve("checkpoint/signed.json"));
    Object result =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                String.join(
                    "\n",
                    "const done = arguments[arguments.length - 1];",
                    "const V = window.TlogVerify;",
                    "const inclusion = JSON.parse(arguments[0]);",
                    "const leaves = JSON.parse(arguments[1]);",
                    "const signed = JSON.parse(arguments[2]);",
                    "(async () => {",
                    "  const bad = []; let ran = 0;",
                    "  for (const c of inclusion) {",
                    "    let ok = true;",
                    "    try { await V.checkInclusion(c.index, c.treeSize, V.hexToBytes(c.leafHash),",
                    "        c.proof.map(V.hexToBytes), V.hexToBytes(c.root)); }",
                    "    catch (e) { ok = false; }",
                    "    ran++;",
                    "    if (ok !== !c.error) bad.push('inclusion ' + (c.name || c.index + '/' + c.treeSize)",
                    "        + (ok ? ' accepted' : ' refused'));",
                    "  }",
                    "  for (const c of leaves.cases) {",
                    "    ran++;",
                    "    const h = V.bytesToHex(await V.leafHash(V.hexToBytes(c.input)));",
                    "    if (h !== c.leafHash) bad.push('leaf ' + c.input + ': ' + h);",
                    "  }",
                    "  for (const c of signed.cases) {",
                    "    let ok = true;",
                    "    try {",
                    "      const cp = await V.verifyCheckpoint(c.note, c.log_keys[0], c.origin);",
                    "      if (c.expect && (String(cp.size) !== c.expect.size",
                    "          || V.bytesToHex(cp.root) !== c.expect.root_hex)) ok = false;",
                    "    } catch (e) { ok = false; }",
                    "    ran++;",
                    "    if (ok !== !c.error) bad.push('checkpoint ' + c.name + (ok ? ' accepted' : ' refused'));",
                    "  }",
                    "  return {ran: ran, bad: bad};",
                    "})().then(done, (e) => done({ran: -1, bad: ['exception ' + e]}));"),
                cases.encode(),
                leaves.encode(),
                signed.encode());
    @SuppressWarnings("unchecked")
    Map<String, Object> r = (Map<String, Object>) result;
    System.out.println("verify.js vectors: " + r);
    assertEquals(List.of(), r.get("bad"));
    assertEquals(
        (long) cases.size()
            + leaves.getJsonArray("cases").size()
            + signed.getJsonArray("cases").size(),
        ((Number) r.get("ran")).longValue());
  }

  private static JsonObject json(Path p) throws java.io.IOException {
    return new JsonObject(Files.readString(p));
  }

  private long size() {
    return log.server.signedCheckpoints().current().size();
  }

  private long indexOfDiskFull() {
    open(base + "/explorer/#/events?text=%22disk%20full%22");
    return Long.parseLong(
        chromium
            .await(d -> nonEmpty(d.findElements(By.cssSelector("#events tbody tr"))))
            .get(0)
            .getAttribute("data-index"));
  }

  /** The text of one column of the events table, once the URL satisfies {@code url}. */
  private static List<String> column(
      WebDriver d, String cls, java.util.function.Predicate<String> url) {
    if (!url.test(d.getCurrentUrl()) || d.findElements(By.id("events")).isEmpty()) {
      return null;
    }
    return d.findElements(By.cssSelector("#events tbody td." + cls)).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static <T> List<T> nonEmpty(List<T> l) {
    return l.isEmpty() ? null : l;
  }
}
