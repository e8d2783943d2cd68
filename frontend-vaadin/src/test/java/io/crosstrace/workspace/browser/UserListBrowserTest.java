package io.crosstrace.workspace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import io.crosstrace.hub.DemoData;

/**
 * The platform administrator's user list: lazily loaded from the service, filtered, sorted by the service; a user
 * created on the form shows up, and disabling the picked row shows in its state.
 */
class UserListBrowserTest extends BrowserTest {

    @Autowired
    Driver driver;

    @Test
    void the_administrator_lists_filters_and_sorts_users_then_disables_a_new_one() {
        String logistics = DemoData.strings(driver, """
                MATCH (:User {username: 'logistics'})-[:MEMBER_OF]->(o:Organization) RETURN o.gln""").getFirst();
        String name = "bt-" + UUID.randomUUID().toString().substring(0, 8);

        signInAs("admin");
        open("admin/users", "Disable or enable a user");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#users vaadin-grid-cell-content")));
        waitForText("inspector");
        screenshot("admin-users");

        type("new-username", name);
        type("new-password", "a-long-enough-password");
        type("new-organization", logistics);
        ((JavascriptExecutor) browser).executeScript("""
                const box = [...document.querySelectorAll('vaadin-checkbox')].find(c => c.textContent.trim() === 'LOGISTICS');
                box.checked = true;""");
        click("create-user");
        waitForText("User " + name + " created");

        type("user-search", name);
        wait.until(d -> firstCell().equals(name));
        assertThat(((JavascriptExecutor) browser).executeScript("return document.getElementById('users').size")).isEqualTo(1L);
        // The row picked fills the user to disable.
        ((JavascriptExecutor) browser).executeScript("""
                const row = document.getElementById('users').shadowRoot.querySelector('tbody#items tr:not([hidden])');
                row.querySelector('td slot').assignedNodes()[0].click();""");
        wait.until(d -> input("existing-username").getDomProperty("value").equals(name));
        click("disable-user");
        waitForText("User " + name + " disabled");
        wait.until(d -> rowText().contains("Disabled"));
        screenshot("admin-user-disabled");

        type("user-search", "");
        // Username descending: the service's order, so the first row is the last username of all.
        String last = DemoData.strings(driver, "MATCH (u:User)-[:MEMBER_OF]->(:Organization) RETURN u.username ORDER BY u.username DESC LIMIT 1")
                .getFirst();
        ((JavascriptExecutor) browser).executeScript("""
                const sorter = [...document.querySelectorAll('#users vaadin-grid-sorter')].find(s => s.textContent.trim() === 'Username');
                sorter.click(); sorter.click();""");
        wait.until(d -> firstCell().equals(last));
    }

    /** The first cell of the first data row. */
    private String firstCell() {
        Object text = ((JavascriptExecutor) browser).executeScript("""
                const grid = document.getElementById('users');
                const row = grid.shadowRoot.querySelector('tbody#items tr:not([hidden])');
                if (!row) { return ''; }
                const slot = row.querySelector('td slot');
                const content = slot && slot.assignedNodes()[0];
                return content ? content.textContent.trim() : '';""");
        return text == null ? "" : text.toString();
    }

    private String rowText() {
        Object text = ((JavascriptExecutor) browser).executeScript("""
                const grid = document.getElementById('users');
                const row = grid.shadowRoot.querySelector('tbody#items tr:not([hidden])');
                if (!row) { return ''; }
                return [...row.querySelectorAll('td slot')].map(s => s.assignedNodes()[0]).filter(n => n)
                    .map(n => n.textContent.trim()).join(' | ');""");
        return text == null ? "" : text.toString();
    }
}
