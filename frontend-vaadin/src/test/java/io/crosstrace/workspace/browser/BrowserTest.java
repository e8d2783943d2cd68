package io.crosstrace.workspace.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.Partners;

/**
 * A real browser (the system's headless Chromium through its chromedriver) against the running hub with its demo
 * world. All browser test classes share the one hub of {@link HubIntegrationTest}; each class has one browser.
 * Without Chromium the tests are skipped on a developer's machine, but never under CI (env {@code CI} set).
 * Screenshots land in {@code target/browser-screenshots/}.
 */
@HubIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    /** The first page of a dev-mode Vaadin app on a busy 2-core machine can take a while. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    /** A failed test leaves a screenshot and the page's HTML beside the others, to see what the browser saw. */
    @RegisterExtension
    final TestWatcher evidenceOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                String name = "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
                screenshot(name);
                try {
                    Files.writeString(SCREENSHOTS.resolve(name + ".html"), browser.getPageSource());
                } catch (IOException e) {
                    cause.addSuppressed(e);
                }
            }
        }
    };

    WebDriver browser;
    WebDriverWait wait;
    private Path profile;

    @BeforeAll
    void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) || System.getenv("CI") != null,
                "No Chromium at " + CHROMIUM + " (install chromium and chromium-driver); browser tests run under CI");
        // Both set explicitly, so Selenium Manager never looks for a browser or driver on the network.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("crosstrace-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900",
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
        wait = new WebDriverWait(browser, PATIENCE);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in as a demo user through the sign-in form (a fresh session) and waits for the workspace frame. */
    void signInAs(String username) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-text-field[name='username'] input")));
        user.sendKeys(username);
        WebElement password = browser.findElement(By.cssSelector("vaadin-password-field[name='password'] input"));
        password.sendKeys(Partners.DEMO_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("side-nav")));
        waitForText(username);
    }

    /** Opens a workspace route and waits until the page says this text. */
    void open(String route, String expectedText) {
        browser.get(url("/" + route));
        waitForText(expectedText);
    }

    /**
     * Waits until the page's text contains this. It is the light DOM's text content (where Vaadin puts grid cells,
     * labels and messages), whitespace collapsed: the browser's innerText of some Vaadin pages leaves most text out.
     */
    void waitForText(String text) {
        // A wait of its own: a message set on the shared wait would stick to later, unrelated timeouts.
        new WebDriverWait(browser, PATIENCE).withMessage(() -> "page never showed '" + text + "'; it shows: " + pageText())
                .until(d -> pageText().contains(text));
    }

    String pageText() {
        Object text = ((JavascriptExecutor) browser).executeScript(
                "return document.body ? document.body.textContent.replace(/\\s+/g, ' ') : ''");
        return text == null ? "" : text.toString();
    }

    /** The input inside a Vaadin field with this id. */
    WebElement input(String fieldId) {
        By field = By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea");
        // A field scrolled out of the workspace's content area counts as hidden; bring it into view first.
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                wait.until(ExpectedConditions.presenceOfElementLocated(field)));
        return wait.until(ExpectedConditions.elementToBeClickable(field));
    }

    /** Opens a Vaadin combo box's list, optionally filtered by typing, and clicks the first shown item that passes. */
    void pick(String comboId, String typed, Predicate<String> wanted) {
        WebElement input = input(comboId);
        input.click();
        if (!typed.isEmpty()) {
            input.sendKeys(typed);
        }
        // Only the open list's items: another combo box's list keeps its (hidden) items in the page.
        wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(WebElement::isDisplayed).filter(item -> wanted.test(item.getText())).findFirst().orElse(null)).click();
        wait.until(d -> !input(comboId).getDomProperty("value").isBlank());
    }

    void type(String fieldId, String text) {
        WebElement input = input(fieldId);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
    }

    /** Chooses an option of a Vaadin select by its text, as picking it from the open list would. */
    void choose(String selectId, String optionText) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(selectId)));
        Object chosen = ((JavascriptExecutor) browser).executeScript("""
                const select = document.getElementById(arguments[0]);
                const item = [...select.querySelectorAll('vaadin-select-item')].find(i => i.textContent.trim() === arguments[1]);
                if (!item) { return false; }
                select.value = item.value;
                return true;""", selectId, optionText);
        if (!Boolean.TRUE.equals(chosen)) {
            throw new AssertionError("No option '" + optionText + "' in select " + selectId);
        }
    }

    void click(String id) {
        WebElement target = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        // Below the fold a click lands on whatever covers that point; bring the target into view first.
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", target);
        target.click();
    }

    List<String> sideNavLabels() {
        return browser.findElements(By.cssSelector("#side-nav vaadin-side-nav-item")).stream().map(WebElement::getText)
                .map(String::strip).toList();
    }

    void phoneViewport() {
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    void desktopViewport() {
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    void screenshot(String name) {
        try {
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
