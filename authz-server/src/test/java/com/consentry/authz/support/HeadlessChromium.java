package com.consentry.authz.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.util.FileSystemUtils;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) with a
 * fresh temporary profile, deleted afterwards. Either a JUnit extension, one browser per
 * test class with cookies cleared before each test
 * ({@code @RegisterExtension static final HeadlessChromium browser = new HeadlessChromium()}),
 * or, for one-off variants such as {@link #withJavaScriptDisabled()}, an
 * {@link AutoCloseable} in a try-with-resources block.
 * <p>
 * The browser and driver are given explicitly, so Selenium Manager never runs, and the
 * test hosts under {@code consentry.example} never resolve (so a redirect to a partner
 * ends on Chrome's error page, which keeps the URL). Chromium runs as root in CI, hence
 * {@code --no-sandbox}; each browser gets its own profile folder so that parallel
 * browsers never share state.
 */
public final class HeadlessChromium implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, AutoCloseable {

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private final Consumer<ChromeOptions> customizer;

	private Path profile;

	private ChromeDriverService service;

	private ChromeDriver driver;

	/** The standard headless browser. */
	public HeadlessChromium() {
		this((options) -> {
		});
	}

	/** A headless browser with extra options (applied after the standard ones). */
	public HeadlessChromium(Consumer<ChromeOptions> customizer) {
		this.customizer = customizer;
	}

	/** A started browser that runs no JavaScript at all; close it when done. */
	public static HeadlessChromium withJavaScriptDisabled() {
		HeadlessChromium browser = new HeadlessChromium((options) -> options.setExperimentalOption("prefs",
				Map.of("profile.managed_default_content_settings.javascript", 2)));
		browser.start();
		return browser;
	}

	/** The running browser. */
	public ChromeDriver driver() {
		if (this.driver == null) {
			throw new IllegalStateException("Chromium is not running");
		}
		return this.driver;
	}

	/** Starts Chromium with a new, empty profile. */
	public void start() {
		if (this.driver != null) {
			return;
		}
		if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
			throw new IllegalStateException("Chromium missing: apt-get install -y chromium chromium-driver (" + CHROMIUM
					+ ", " + CHROMEDRIVER + ")");
		}
		try {
			this.profile = Files.createTempDirectory("consentry-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
					"--disable-quic", "--window-size=1024,768",
					"--host-resolver-rules=MAP *.consentry.example ~NOTFOUND", "--user-data-dir=" + this.profile);
			this.customizer.accept(options);
			this.service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
				.usingAnyFreePort()
				.build();
			this.driver = new ChromeDriver(this.service, options);
		}
		catch (IOException | RuntimeException ex) {
			close();
			throw (ex instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
		}
	}

	/**
	 * Adds Selenium's virtual authenticator as the user's passkey device: CTAP2, built
	 * in, discoverable credentials, user verification done. Remove it when the test is
	 * done.
	 */
	public VirtualAuthenticator addPasskeyDevice() {
		return driver().addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true));
	}

	/** Forgets every cookie (the customer's sessions), in every site. */
	public void clearCookies() {
		driver().executeCdpCommand("Network.clearBrowserCookies", Map.of());
	}

	/** Quits Chromium and its driver and deletes the temporary profile. */
	@Override
	public void close() {
		try {
			if (this.driver != null) {
				this.driver.quit();
			}
		}
		finally {
			this.driver = null;
			if (this.service != null) {
				this.service.stop();
				this.service = null;
			}
			deleteProfile();
		}
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		clearCookies();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	/**
	 * Chromium's helper processes may still be writing for a moment after quit; retry
	 * briefly.
	 */
	private void deleteProfile() {
		if (this.profile == null) {
			return;
		}
		for (int attempt = 0; attempt < 10 && Files.exists(this.profile); attempt++) {
			try {
				FileSystemUtils.deleteRecursively(this.profile);
			}
			catch (IOException ex) {
				sleep();
			}
		}
		if (Files.exists(this.profile)) {
			throw new IllegalStateException("could not delete Chromium profile " + this.profile);
		}
		this.profile = null;
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
