package io.reflow.crm.testsupport;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Camunda Form (form-js 1.8.7) in the real Tasklist of Camunda 7.24, driven as a person
 * does: fields are found by their labels.
 */
public final class TasklistForm {

	public static final By COMPLETE = By.xpath("//button[@ng-click='complete()']");

	public static final By CLAIM = By.xpath("//button[@ng-click='claim()']");

	public static final By NOTIFICATION = By.cssSelector(".page-notifications .alert");

	private final BrowserSession session;

	/** The form in the session's browser, also after {@link BrowserSession#restart()}. */
	public TasklistForm(BrowserSession session) {
		this.session = session;
	}

	/**
	 * Opens the link to a task in Tasklist, logs in on the way (the login page passes the
	 * link's {@code #fragment} on) and claims the task.
	 */
	public void openAndClaim(int port, String taskId, String user, String password) {
		this.session.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
		this.session.await().until(ExpectedConditions.urlContains("/login"));
		this.session.logIn(user, password);
		this.session.await()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "My group tasks"));
		// the task link survives the login
		assertThat(this.session.driver().getCurrentUrl()).contains("#/?task=" + taskId);
		claim();
	}

	/** Claims the open task and waits until Complete is offered. */
	public void claim() {
		click(CLAIM);
		// the form is enabled, and Complete offered, once the task is the user's
		this.session.await().until(ExpectedConditions.elementToBeClickable(COMPLETE));
	}

	/**
	 * The form-js field (label, input, messages) whose label reads {@code label}; a group
	 * of the same title is not meant.
	 */
	public static String field(String label) {
		return "//div[contains(concat(' ', @class, ' '), ' fjs-form-field ')]"
				+ "[not(contains(concat(' ', @class, ' '), ' fjs-form-field-grouplike '))][label[text()[normalize-space()='"
				+ label + "']]]";
	}

	/** The input of a field: form-js ties the label to it with {@code for}. */
	public By input(String label) {
		String id = this.session.await()
			.until(ExpectedConditions.presenceOfElementLocated(By.xpath(field(label) + "/label")))
			.getDomAttribute("for");
		return By.id(id);
	}

	/**
	 * The date input of a {@code datetime} field, whose label ({@code dateLabel}) sits
	 * deeper than that of the other fields.
	 */
	public By dateInput(String label) {
		String id = this.session.await()
			.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
					"//div[contains(concat(' ', @class, ' '), ' fjs-form-field-datetime ')]//label[text()[normalize-space()='"
							+ label + "']]")))
			.getDomAttribute("for");
		return By.id(id);
	}

	/** What a form-js select shows: the chosen option's label, or its placeholder. */
	public static By selectDisplay(String label) {
		return By.xpath(field(label) + "//div[contains(@class, 'fjs-select-display')]");
	}

	/** Ticks or unticks a checkbox, found by its label, and waits until it shows so. */
	public void tick(String label, boolean ticked) {
		By box = input(label);
		if (this.session.driver().findElement(box).isSelected() != ticked) {
			click(box);
		}
		this.session.await().until(ExpectedConditions.elementSelectionStateToBe(box, ticked));
	}

	/** Picks the option of a radio group whose label reads {@code option}. */
	public void pick(String option) {
		String label = "//div[contains(concat(' ', @class, ' '), ' fjs-form-field-radio ')]//label[normalize-space()='"
				+ option + "']";
		click(By.xpath(label));
		this.session.await().until(ExpectedConditions.elementSelectionStateToBe(By.xpath(label + "/input"), true));
	}

	public static By error(String label) {
		return By.xpath(field(label) + "//div[contains(@class, 'fjs-form-field-error')]");
	}

	public void click(By locator) {
		WebElement element = this.session.await().until(ExpectedConditions.presenceOfElementLocated(locator));
		// a centred element is never under Tasklist's footer or its notifications
		this.session.js().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		this.session.await().until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	public void type(By locator, String text) {
		click(locator);
		WebElement element = this.session.driver().findElement(locator);
		element.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		element.sendKeys(text);
	}

	/** Picks an option of a form-js select, which is a list of its own, not a select. */
	public void choose(String label, String option) {
		By display = By.xpath(field(label) + "//div[contains(@class, 'fjs-select-display')]");
		click(display);
		click(By.xpath(
				field(label) + "//*[contains(@class, 'fjs-dropdownlist-item')][normalize-space()='" + option + "']"));
		this.session.await().until(ExpectedConditions.textToBePresentInElementLocated(display, option));
	}

	/**
	 * Closes the notification Tasklist 7.24 also shows for a form that refuses to submit
	 * ("An error happened while submitting the task form"), which lies over the Complete
	 * button.
	 */
	public void dismissNotification() {
		click(By.xpath(
				"//div[contains(@class, 'page-notifications')]//button[@ng-click='removeNotification(notification)']"));
		this.session.await().until(ExpectedConditions.invisibilityOfElementLocated(NOTIFICATION));
	}

}
