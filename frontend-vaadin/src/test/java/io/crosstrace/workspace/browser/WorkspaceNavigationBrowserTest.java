package io.crosstrace.workspace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Each partner lands on its own work and sees only its views; the language switch sticks. */
class WorkspaceNavigationBrowserTest extends BrowserTest {

    @Test
    void the_menu_shows_only_what_the_role_opens() {
        signInAs("importer");
        assertThat(sideNavLabels()).doesNotContain("Batches");
        screenshot("importer-start");

        signInAs("analyst");
        assertThat(sideNavLabels()).contains("Batches");
        screenshot("analyst-start");
    }

    @Test
    void chinese_is_one_click_away_and_remembered() {
        signInAs("producer");
        open("batches", "Lot");
        click("language-switch");
        waitForText("批号");
        browser.navigate().refresh();
        waitForText("批号");
        assertThat(sideNavLabels()).contains("批次");
        screenshot("producer-batches-zh");

        click("language-switch");
        waitForText("Lot");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("side-nav")));
    }

    @Test
    void on_a_phone_the_menu_folds_behind_the_toggle() {
        signInAs("producer");
        phoneViewport();
        try {
            open("batches", "Lot");
            Object overlay = ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.querySelector('vaadin-app-layout').hasAttribute('overlay')");
            assertThat(overlay).isEqualTo(true);
            screenshot("producer-batches-phone");
        } finally {
            desktopViewport();
        }
    }
}
