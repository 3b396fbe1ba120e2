package io.reflow.crm.testsupport;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Camunda Form (form-js 1.8.7) in the real Tasklist of Camunda 7.24, driven as a person
 * does: fields are found by their labels.
 */
public final class TasklistForm {

	public static final By COMPLETE = By.xpath("//button[@ng-click='complete()']");

	public static final By CLAIM = By.xpath("//button[@ng-click='claim()']");

	public static final By NOTIFICATION = By.cssSelector(".page-notifications .alert");

	private final WebDriver browser;

	private final WebDriverWait wait;

	public TasklistForm(WebDriver browser, WebDriverWait wait) {
		this.browser = browser;
		this.wait = wait;
	}

	/** The form-js field (label, input, messages) whose label reads {@code label}. */
	public static String field(String label) {
		return "//div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][label[text()[normalize-space()='" + label
				+ "']]]";
	}

	/** The input of a field: form-js ties the label to it with {@code for}. */
	public By input(String label) {
		String id = this.wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(field(label) + "/label")))
			.getDomAttribute("for");
		return By.id(id);
	}

	public static By error(String label) {
		return By.xpath(field(label) + "//div[contains(@class, 'fjs-form-field-error')]");
	}

	public void click(By locator) {
		WebElement element = this.wait.until(ExpectedConditions.presenceOfElementLocated(locator));
		// a centred element is never under Tasklist's footer or its notifications
		((JavascriptExecutor) this.browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		this.wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	public void type(By locator, String text) {
		click(locator);
		WebElement element = this.browser.findElement(locator);
		element.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		element.sendKeys(text);
	}

	/** Picks an option of a form-js select, which is a list of its own, not a select. */
	public void choose(String label, String option) {
		By display = By.xpath(field(label) + "//div[contains(@class, 'fjs-select-display')]");
		click(display);
		click(By.xpath(
				field(label) + "//*[contains(@class, 'fjs-dropdownlist-item')][normalize-space()='" + option + "']"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(display, option));
	}

	/**
	 * Closes the notification Tasklist 7.24 also shows for a form that refuses to submit
	 * ("An error happened while submitting the task form"), which lies over the Complete
	 * button.
	 */
	public void dismissNotification() {
		click(By.xpath(
				"//div[contains(@class, 'page-notifications')]//button[@ng-click='removeNotification(notification)']"));
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(NOTIFICATION));
	}

}
