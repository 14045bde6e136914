package org.glancejee.it;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven through its chromedriver (both installed by the build's
 * ensure-debian-packages step): a fresh profile per browser, no network but loopback (Chromium otherwise looks
 * up Google's hosts on its own), screenshots kept under {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final URI base;
    private final Path profile;
    private final ChromeDriver driver;

    public Browser(URI base) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the server. */
    public void open(String path) {
        driver.get(base.resolve(path).toString());
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    public void fill(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    public void click(String css) {
        find(css).click();
    }

    /** Clicks something that loads another page (a form's button, a link) and waits until it has. */
    public void follow(String css) {
        driver.executeScript("window.glanceTestOldPage = true;");
        find(css).click();
        // A mark on the old window object, gone once the next document has loaded. Chromium may answer a
        // question about the old page with a "node does not belong to the document" error mid-navigation
        // instead of "stale element", so the mark, not the element, tells the pages apart.
        await(d -> {
            try {
                return driver.executeScript(
                        "return window.glanceTestOldPage === undefined && document.readyState === 'complete';");
            } catch (WebDriverException navigating) {
                return false;
            }
        }, Duration.ofSeconds(60));
    }

    /** The page's text as a person reads it. */
    public String text() {
        return find("body").getText();
    }

    public <T> T await(ExpectedCondition<T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(condition);
    }

    /** Waits until the element's text contains {@code expected}. */
    public void awaitText(String css, String expected, Duration timeout) {
        await(d -> {
            try {
                return has(css) && find(css).getText().contains(expected);
            } catch (WebDriverException reloading) { // stale, or the page is being replaced
                return false;
            }
        }, timeout);
    }

    /** The viewport of a 1280×800 screen at 200% zoom: 640×400 CSS pixels at two device pixels each. */
    public void zoom200() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 640, "height", 400,
                "deviceScaleFactor", 2, "mobile", false));
    }

    public void zoom100() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Whether the page is no wider than the window (nothing to scroll sideways but tables' own boxes). */
    public boolean fitsTheWindow() {
        Object fits = driver.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
        return Boolean.TRUE.equals(fits);
    }

    /** Keeps a screenshot of the page as {@code target/screenshots/NAME.png}. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.move(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a profile left in the temporary directory harms nothing
        }
    }
}
