package io.reflow.crm.testsupport;

import java.time.Duration;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium ({@link Browser#start()}) per test, quit after the test whether
 * it passed or not:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * final BrowserSession session = new BrowserSession(Duration.ofSeconds(60), new Dimension(1366, 900));
 * </pre>
 *
 * The browser starts before each test's {@code @BeforeEach} methods, so a machine without
 * Chromium skips the test (on CI it fails) before it does anything.
 * {@link #whenUsed(Duration, Dimension)} starts it only when a test first asks for it,
 * for a class whose other tests need none.
 */
public final class BrowserSession implements BeforeEachCallback, AfterEachCallback {

	private final Duration timeout;

	private final Dimension size;

	private final boolean eager;

	private WebDriver driver;

	private WebDriverWait wait;

	/**
	 * @param timeout how long {@link #await()} waits
	 * @param size the window's size, or {@code null} for the one {@link Browser#start()}
	 * gives
	 */
	public BrowserSession(Duration timeout, Dimension size) {
		this(timeout, size, true);
	}

	/** A session with the window {@link Browser#start()} gives. */
	public BrowserSession(Duration timeout) {
		this(timeout, null, true);
	}

	private BrowserSession(Duration timeout, Dimension size, boolean eager) {
		this.timeout = timeout;
		this.size = size;
		this.eager = eager;
	}

	/**
	 * A session whose browser starts on the first call of {@link #driver()},
	 * {@link #await()} or {@link #js()} in a test, and is quit after that test.
	 */
	public static BrowserSession whenUsed(Duration timeout, Dimension size) {
		return new BrowserSession(timeout, size, false);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (this.eager) {
			start();
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		quit();
	}

	/**
	 * Quits the browser and starts a new one: a new user with no session and no cookies.
	 */
	public void restart() {
		quit();
		start();
	}

	public WebDriver driver() {
		if (this.driver == null) {
			start();
		}
		return this.driver;
	}

	/** Waits up to the session's timeout. */
	public WebDriverWait await() {
		driver();
		return this.wait;
	}

	public JavascriptExecutor js() {
		return (JavascriptExecutor) driver();
	}

	/** Logs in on our login page ({@link Browser#logIn}). */
	public void logIn(String user, String password) {
		Browser.logIn(driver(), await(), user, password);
	}

	/**
	 * Saves a screenshot of the whole page at the window's width, then gives the window
	 * back its size.
	 */
	public void fullPageScreenshot(String name) {
		WebDriver browser = driver();
		Dimension window = (this.size != null) ? this.size : browser.manage().window().getSize();
		long height = ((Number) js().executeScript("return document.documentElement.scrollHeight")).longValue();
		browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 140, 8000)));
		Browser.screenshot(browser, name);
		browser.manage().window().setSize(window);
	}

	private void start() {
		if (this.driver != null) {
			throw new IllegalStateException("The browser has started already");
		}
		WebDriver started = Browser.start();
		// kept before anything else can fail, so that afterEach quits it
		this.driver = started;
		this.wait = new WebDriverWait(started, this.timeout);
		if (this.size != null) {
			started.manage().window().setSize(this.size);
		}
	}

	private void quit() {
		WebDriver started = this.driver;
		this.driver = null;
		this.wait = null;
		if (started != null) {
			started.quit();
		}
	}

}
