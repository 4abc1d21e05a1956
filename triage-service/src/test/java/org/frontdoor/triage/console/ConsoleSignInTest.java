package org.frontdoor.triage.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

@QuarkusTest
class ConsoleSignInTest {

    @TestHTTPResource("/console")
    URL console;

    @Test
    void aTriageWorkerSignsInThroughTheIdentityProvider() {
        Assumptions.assumeTrue(Browser.installed(), "chromium and chromium-driver are installed by .ci/run");
        ChromeDriver browser = Browser.open(false);
        try {
            browser.get(console.toString());
            assertTrue(browser.getCurrentUrl().contains("/frontdoor/authorize"), browser.getCurrentUrl());
            browser.findElement(By.id("sign-in-dev-triage-worker")).click();
            assertEquals("Signed in as dev-triage-worker", browser.findElement(By.tagName("h1")).getText());
        } finally {
            browser.quit();
        }
    }
}
