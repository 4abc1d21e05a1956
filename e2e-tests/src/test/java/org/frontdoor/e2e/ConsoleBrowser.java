package org.frontdoor.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.frontdoor.testsupport.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Chromium on the packaged triage service's console (ConsoleDayIT): signing in at the identity
 * provider's page, forms filled and sent as a person does, what the page says, axe-core on each page.
 */
final class ConsoleBrowser implements AutoCloseable {

    private final ChromeDriver driver;
    private String base;

    private ConsoleBrowser(ChromeDriver driver) {
        this.driver = driver;
    }

    /**
     * Opens the console at desktop width and signs in at the provider's page as a demo member of staff. The console is
     * opened at {@code localhost}, the provider's host: from {@code 127.0.0.1} the provider's answer would be a
     * cross-site navigation, on which the browser withholds the console's sign-in state cookie (the local run sends
     * {@code 127.0.0.1} to {@code localhost} for the same reason, {@code frontdoor.triage.console.host-name}).
     */
    static ConsoleBrowser signIn(String address, String subject) {
        ConsoleBrowser browser = new ConsoleBrowser(Browser.open(false));
        try {
            browser.driver.get(address.replace("://127.0.0.1:", "://localhost:") + "/console");
            assertTrue(browser.driver.getCurrentUrl().contains("/frontdoor/authorize"), "to the identity provider");
            browser.driver.findElement(By.id("sign-in-" + subject)).click();
            browser.waitFor(d -> d.getCurrentUrl().contains("/console") && !d.getCurrentUrl().contains("/authorize")
                    && !d.findElements(By.tagName("h1")).isEmpty());
            java.net.URI at = java.net.URI.create(browser.driver.getCurrentUrl());
            browser.base = at.getScheme() + "://" + at.getAuthority();
            return browser;
        } catch (RuntimeException | Error e) {
            browser.close();
            throw e;
        }
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    String h1() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String banner() {
        return driver.findElement(By.className("govuk-notification-banner__heading")).getText();
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    String text(String id) {
        return text(By.id(id));
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    void type(String id, String text) {
        driver.findElement(By.id(id)).clear();
        driver.findElement(By.id(id)).sendKeys(text);
    }

    void select(String id, String visibleText) {
        new Select(driver.findElement(By.id(id))).selectByVisibleText(visibleText);
    }

    void selectValue(String id, String value) {
        new Select(driver.findElement(By.id(id))).selectByValue(value);
    }

    /** The radio or checkbox of the field {@code name} with this value. */
    void choose(String name, String value) {
        driver.findElements(By.name(name)).stream().filter(e -> value.equals(e.getAttribute("value"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + value + " for " + name)).click();
    }

    /** A GOV.UK Date input: day, month and year. */
    void date(String field, LocalDate day) {
        type(field, String.valueOf(day.getDayOfMonth()));
        type(field + "-month", String.valueOf(day.getMonthValue()));
        type(field + "-year", String.valueOf(day.getYear()));
    }

    /** Clicks a button or link and waits for the next page (a mark on the old page's window is gone). */
    void submit(By button) {
        driver.executeScript("window.fdOldPage = true");
        driver.findElement(button).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class).until(d -> Boolean.TRUE
                .equals(driver.executeScript("return window.fdOldPage === undefined && document.readyState === 'complete'")));
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        // a wait that fails says where the browser was
        wait.withMessage(() -> "at " + driver.getCurrentUrl() + ": " + shortText(driver.getPageSource()));
        return wait.ignoring(WebDriverException.class).until(condition);
    }

    private static String shortText(String page) {
        String text = page == null ? ""
                : page.replaceAll("(?s)<(script|style).*?</\\1>|<[^>]+>", " ").replaceAll("\\s+", " ");
        return text.length() > 600 ? text.substring(0, 600) : text;
    }

    /** Follows the page's "Next" links until {@code wanted} is on the page. */
    void pageUntil(By wanted) {
        for (int page = 1; !present(wanted); page++) {
            assertTrue(page < 200 && present(By.cssSelector("a[rel='next']")), "not on any page: " + wanted);
            submit(By.cssSelector("a[rel='next']"));
        }
    }

    /** axe-core finds nothing on the page as it is. */
    void axe(String page) throws IOException {
        Browser.noAccessibilityViolations(driver, page);
    }

    /** axe-core at desktop width, then at a phone's (375 px), the window as it was after. */
    void axeBothWidths(String page) throws IOException {
        axe(page);
        Dimension desktop = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(375, 812));
        try {
            axe(page + ", at phone width");
        } finally {
            driver.manage().window().setSize(desktop);
        }
    }

    /** A download or stylesheet as the page gets it, with the session's cookies: status, disposition, body. */
    Map<?, ?> fetch(String href) {
        return (Map<?, ?>) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0]).then(r => r.text().then(t => done({status: r.status,"
                + " disposition: r.headers.get('Content-Disposition'), body: t})))"
                + ".catch(e => done({status: -1, body: String(e)}));", href);
    }

    /** Every stylesheet the page links, as served: the council's font, never GOV.UK's, and no font of its own. */
    void stylesheetsNameNoGovUkFont() {
        List<String> sheets = driver.findElements(By.cssSelector("link[rel='stylesheet']")).stream()
                .map(e -> e.getAttribute("href")).toList();
        assertFalse(sheets.isEmpty(), "the page links its stylesheet");
        for (String sheet : sheets) {
            Map<?, ?> css = fetch(sheet);
            assertEquals(200L, css.get("status"), sheet);
            assertFalse(((String) css.get("body")).contains("GDS Transport"), sheet + " names GOV.UK's font");
            assertFalse(((String) css.get("body")).contains("@font-face"), sheet + " brings a font of its own");
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
