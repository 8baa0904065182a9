package dev.tlog.client.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, through Debian's chromium-driver; nothing is downloaded (both
 * binaries are given, so Selenium Manager never runs). Missing binaries skip the test with a
 * message saying what to install, or fail it with {@code -Dtlog.browser.required=true} (as {@code
 * .ci/run} sets). The log server's explorer tests use the same setup.
 */
public final class HeadlessBrowser implements AutoCloseable {
  private static final Path CHROMIUM =
      Path.of(System.getProperty("tlog.chromium", "/usr/bin/chromium"));
  private static final Path DRIVER =
      Path.of(System.getProperty("tlog.chromedriver", "/usr/bin/chromedriver"));

  private final WebDriver driver;

  private HeadlessBrowser(WebDriver driver) {
    this.driver = driver;
  }

  /** Starts a browser with a fresh profile in {@code profile}, or skips (see the class doc). */
  public static HeadlessBrowser start(Path profile) {
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
    return new HeadlessBrowser(
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build(),
            options));
  }

  public WebDriver driver() {
    return driver;
  }

  /** Saves the page as {@code target/screenshots/<name>.png}; returns the file. */
  public Path screenshot(String name) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    Path file = dir.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
