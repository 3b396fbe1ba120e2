package io.reflow.crm.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium for browser tests, from Debian's {@code chromium} and
 * {@code chromium-driver} packages (nothing is downloaded). Outside CI a machine without
 * them skips browser tests with a message; on CI ({@code CI=true}) their absence fails
 * the build.
 */
public final class Browser {

	private Browser() {
	}

	public static WebDriver start() {
		String chromium = System.getProperty("reflow.chromium", "/usr/bin/chromium");
		String chromedriver = System.getProperty("reflow.chromedriver", "/usr/bin/chromedriver");
		boolean available = new File(chromium).canExecute() && new File(chromedriver).canExecute();
		if (!available && !"true".equalsIgnoreCase(System.getenv("CI"))) {
			Assumptions.abort("Browser tests need " + chromium + " and " + chromedriver
					+ " (apt-get install -y chromium chromium-driver)");
		}
		try {
			Path profile = Files.createTempDirectory("reflow-chromium");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(chromium);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--window-size=1400,1000", "--lang=en-US", "--user-data-dir=" + profile);
			// the page's console, for tests that check it stays free of errors
			options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(chromedriver))
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
			return driver;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Logs in on our login page, where Tasklist, Cockpit and our pages send a visitor
	 * without a session.
	 */
	public static void logIn(WebDriver driver, WebDriverWait wait, String user, String password) {
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("login-submit")).click();
	}

	/**
	 * The console errors (level SEVERE) the browser logged since the last call: failed
	 * requests, script errors, refused content.
	 */
	public static List<String> consoleErrors(WebDriver driver) {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/**
	 * {@link #consoleErrors} but the favicon's 404 (the application has none, and
	 * Chromium asks for it on pages without an icon link, such as the login page).
	 */
	public static List<String> consoleErrorsButFavicon(WebDriver driver) {
		return consoleErrors(driver).stream().filter((message) -> !message.contains("/favicon.ico")).toList();
	}

	/** Saves a screenshot under {@code target/screenshots/} for a person to look at. */
	public static void screenshot(WebDriver driver, String name) {
		try {
			Path target = Path.of("target", "screenshots", name + ".png");
			Files.createDirectories(target.getParent());
			Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
