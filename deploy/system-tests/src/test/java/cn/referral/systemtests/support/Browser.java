package cn.referral.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium, headless, driven by the system's chromedriver (Debian {@code chromium} and
 * {@code chromium-driver}; {@code CHROME_BIN} and {@code CHROMEDRIVER} point elsewhere). Nothing is
 * downloaded: Selenium Manager is not used. A fresh profile per browser, no network but loopback
 * (no background, component or sync traffic).
 */
public final class Browser implements AutoCloseable {

    private static final List<String> CHROMES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver",
            "/usr/lib/chromium-browser/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private Browser(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** Why no browser can be started here, or empty when one can. */
    public static Optional<String> unavailable() {
        if (chrome().isEmpty()) {
            return Optional.of("no Chromium found (CHROME_BIN, " + CHROMES + "): apt-get install chromium");
        }
        if (chromedriver().isEmpty()) {
            return Optional.of("no chromedriver found (CHROMEDRIVER, " + DRIVERS + "): apt-get install chromium-driver");
        }
        return Optional.empty();
    }

    public static Browser open(Path screenshots) {
        try {
            Path profile = Files.createTempDirectory("console-chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chrome().orElseThrow());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--lang=zh-CN", "--accept-lang=zh-CN", "--window-size=1280,900",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(chromedriver().orElseThrow()).toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.manage().window().setSize(new Dimension(1280, 900));
            Files.createDirectories(screenshots);
            return new Browser(driver, profile, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The page as it is now, to {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        Path file = screenshots.resolve(name + ".png");
        Dimension window = driver.manage().window().getSize();
        // the whole page from its top: a window as tall as the page (within reason), then back
        long height = (Long) driver.executeScript(
                "window.scrollTo(0, 0); return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(window.getWidth(),
                (int) Math.min(Math.max(height + 140, window.getHeight()), 4000)));
        try {
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
        return file;
    }

    public void width(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    private static Optional<String> chrome() {
        return firstExisting(System.getenv("CHROME_BIN"), CHROMES);
    }

    private static Optional<String> chromedriver() {
        return firstExisting(System.getenv("CHROMEDRIVER"), DRIVERS);
    }

    private static Optional<String> firstExisting(String configured, List<String> candidates) {
        return Stream.concat(Stream.ofNullable(configured), candidates.stream())
                .filter(path -> Files.isExecutable(Path.of(path))).findFirst();
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
