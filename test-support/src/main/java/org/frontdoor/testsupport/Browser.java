package org.frontdoor.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed by
 * {@code .ci/install-browser}), driven through chromedriver, and axe-core's accessibility check in its pages: the
 * console's browser tests in triage and the e2e tests. Never a downloaded browser: the paths are given, so
 * Selenium Manager has nothing to fetch. Selenium and axe-core are the using module's test dependencies.
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

    private Browser() {
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    }

    /**
     * For a browser test's {@code @BeforeAll}: skips it without a browser, except where .ci/run installed one first
     * and says so ({@code FRONTDOOR_BROWSER_TESTS=required}): there a missing browser fails.
     */
    public static void requiredOrSkip() {
        if ("required".equals(System.getenv("FRONTDOOR_BROWSER_TESTS"))) {
            assertTrue(installed(), "chromium and chromium-driver: .ci/install-browser installs them");
        }
        Assumptions.assumeTrue(installed(), "no chromium here: run .ci/install-browser to run this test");
    }

    /** A fresh browser (its own profile, no cookies), at phone width when {@code phone}. */
    public static ChromeDriver open(boolean phone) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the browser's console log (a Content-Security-Policy violation is reported there), for the tests to read
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=en-GB", phone ? "--window-size=375,812" : "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // a page after a form's submission may still be loading when the click returns
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** axe-core in the page, WCAG 2.0-2.2 A and AA rules: no violation. */
    public static void noAccessibilityViolations(ChromeDriver browser, String page) throws IOException {
        String axe;
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            assertTrue(in != null, "axe.min.js: com.deque.html.axe-core:selenium on the test classpath");
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        browser.executeScript(axe);
        // each violation as "rule: help [first node's target]", made in the page (no JSON library needed here)
        Object result = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
                + " 'wcag22aa']}}).then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' '"
                + " + JSON.stringify(v.nodes[0].target)))).catch(e => done('error: ' + e));");
        assertTrue(result instanceof List, page + ": axe did not run: " + result);
        assertEquals(List.of(), result, page + ": axe-core found violations");
    }
}
