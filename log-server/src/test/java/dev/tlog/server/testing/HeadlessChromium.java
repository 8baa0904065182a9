package dev.tlog.server.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium in headless mode, driven through Debian's chromium-driver. Nothing is
 * downloaded: Selenium is given both binaries, so Selenium Manager never runs. When either binary
 * is missing the test is skipped with a message saying what to install, unless {@code
 * -Dtlog.browser.required=true} (as {@code .ci/run} sets), when it fails.
 */
public final class HeadlessChromium implements AutoCloseable {
  static final Path CHROMIUM = Path.of(System.getProperty("tlog.chromium", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getProperty("tlog.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final WebDriver driver;

  private HeadlessChromium(WebDriver driver) {
    this.driver = driver;
  }

  /** Starts a browser with a fresh profile in {@code profile}, or skips (see the class doc). */
  public static HeadlessChromium start(Path profile) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
      String why =
          "browser tests need "
              + CHROMIUM
              + " and "
              + DRIVER
              + " (Debian: apt-get install chromium chromium-driver)";
      if (Boolean.getBoolean("tlog.browser.required")) {
        fail(why + "; -Dtlog.browser.required=true makes their absence a failure");
      }
      Assumptions.abort("SKIPPED: " + why);
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    return new HeadlessChromium(new ChromeDriver(service, options));
  }

  public WebDriver driver() {
    return driver;
  }

  /** Waits up to 20 s for {@code condition} to return a non-null, non-false value. */
  public <T> T await(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition::apply);
  }

  /** Saves the page as {@code target/screenshots/<name>.png}; returns the file. */
  public Path screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
