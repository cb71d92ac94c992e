package com.consentry.authz.customer;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.consentry.audit.AuditTrail;
import com.consentry.authz.audit.CustomerPseudonyms;
import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.Concurrently;
import com.consentry.authz.support.CustomerSession;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customer sign-in against brute force and enumeration: attempts are counted atomically
 * in PostgreSQL before any hashing, back off instead of locking, and cost and read the
 * same whatever went wrong.
 */
class CustomerSignInTests extends AuthorizationServerTest {

	private static final Pattern ERROR = Pattern.compile("<p class=\"error\"[^>]*>([^<]*)</p>");

	@Autowired
	CustomerLogins logins;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	LoginProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Autowired
	CustomerPseudonyms pseudonyms;

	/**
	 * These tests fail sign-ins from this machine on purpose; the tests after them must
	 * not inherit the back-off.
	 */
	@AfterEach
	void forgetFailedSignIns() {
		this.jdbc.sql("DELETE FROM authz.sign_in_throttle").update();
	}

	@Test
	@DisplayName("Issue 6 (5): 40 parallel wrong passwords for one customer get at most consentry.login.free-attempts (5) password checks, and each attempt exactly one Argon2 verification")
	void parallelWrongPasswordsAreCountedBeforeHashing() throws Exception {
		String hash = this.encoder.encode("dave-test-pass");
		this.logins.save("dave", "cust-dave", hash);
		CountingEncoder counting = new CountingEncoder(this.encoder, hash);
		CustomerSignIn signIn = new CustomerSignIn(this.logins, this.throttle,
				new PasswordChecks(counting, 40, Duration.ofMinutes(1)), CustomerSignIn.dummyHash(this.encoder),
				this.audit, this.pseudonyms);

		ExecutorService pool = Executors.newFixedThreadPool(40);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> attempts = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String password = "wrong-" + i;
			attempts.add(pool.submit(() -> {
				start.await();
				return refused(signIn, attempt("dave", password, "203.0.113.40"));
			}));
		}
		start.countDown();
		for (Future<Boolean> attempt : attempts) {
			assertThat(attempt.get(2, TimeUnit.MINUTES)).isTrue();
		}
		pool.shutdown();

		assertThat(counting.realChecks.get()).isPositive().isLessThanOrEqualTo(this.properties.freeAttempts());
		assertThat(counting.allChecks.get()).isEqualTo(40);
		assertThat(refused(signIn, attempt("dave", "dave-test-pass", "203.0.113.40"))).as("held back").isTrue();
	}

	@Test
	@DisplayName("Issue 6 (5): 16 parallel right passwords of one customer from one address all sign in: the budget counts guesses, not a customer's own burst")
	void parallelRightPasswordsAllSignIn() throws Exception {
		this.logins.save("ida", "cust-ida", this.encoder.encode("ida-test-pass"));
		CustomerSignIn signIn = new CustomerSignIn(this.logins, this.throttle,
				new PasswordChecks(this.encoder, 2, Duration.ofMinutes(1)), CustomerSignIn.dummyHash(this.encoder),
				this.audit, this.pseudonyms);
		List<Boolean> refusals = Concurrently.times(16,
				() -> refused(signIn, attempt("ida", "ida-test-pass", "203.0.113.41")));
		assertThat(refusals).containsOnly(false);
	}

	@Test
	@DisplayName("Issue 6 (5): a stranger's wrong passwords from another address do not keep the customer out")
	void strangerCannotLockTheCustomerOut() {
		this.logins.save("gina", "cust-gina", this.encoder.encode("gina-test-pass"));
		CustomerSignIn signIn = new CustomerSignIn(this.logins, this.throttle,
				new PasswordChecks(this.encoder, 2, Duration.ofMinutes(1)), CustomerSignIn.dummyHash(this.encoder),
				this.audit, this.pseudonyms);
		for (int i = 0; i < 8; i++) {
			assertThat(refused(signIn, attempt("gina", "guess-" + i, "198.51.100.66"))).isTrue();
		}

		Authentication gina = signIn.authenticate(attempt("gina", "gina-test-pass", "198.51.100.7"));

		assertThat(gina.isAuthenticated()).isTrue();
		assertThat(gina.getName()).isEqualTo("cust-gina");
	}

	@Test
	@DisplayName("Issue 6 (5): over HTTP an unknown user name, a held-back sign-in and a wrong password get the same answer")
	void unknownThrottledAndWrongGetTheSameAnswer() {
		this.logins.save("frank", "cust-frank", this.encoder.encode("frank-test-pass"));

		Answer wrong = signIn("frank", "not-franks-password");
		Answer unknown = signIn("nobody-" + System.nanoTime(), "frank-test-pass");
		for (int attempt = 2; attempt <= this.properties.freeAttempts(); attempt++) {
			signIn("frank", "wrong-" + attempt);
		}
		Answer heldBack = signIn("frank", "frank-test-pass");

		assertThat(wrong.message()).isNotBlank();
		assertThat(unknown).isEqualTo(wrong);
		assertThat(heldBack).isEqualTo(wrong);
	}

	@Test
	@DisplayName("Issue 5 (3): when no hashing slot frees up within consentry.login.hash-wait the sign-in fails fast with a 503 try-again page and Retry-After")
	void busyHashingFailsFastWith503() throws Exception {
		CountDownLatch hashing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		PasswordEncoder slow = new CountingEncoder(this.encoder, "") {
			@Override
			public boolean matches(CharSequence raw, String encoded) {
				hashing.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return false;
			}
		};
		this.logins.save("hank", "cust-hank", this.encoder.encode("hank-test-pass"));
		CustomerSignIn signIn = new CustomerSignIn(this.logins, this.throttle,
				new PasswordChecks(slow, 1, Duration.ofMillis(200)), CustomerSignIn.dummyHash(this.encoder), this.audit,
				this.pseudonyms);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		Future<Boolean> first = pool.submit(() -> refused(signIn, attempt("hank", "one", "192.0.2.1")));
		assertThat(hashing.await(30, TimeUnit.SECONDS)).isTrue();

		long started = System.nanoTime();
		SignInBusyException busy = null;
		try {
			signIn.authenticate(attempt("hank", "hank-test-pass", "192.0.2.2"));
		}
		catch (SignInBusyException ex) {
			busy = ex;
		}
		Duration waited = Duration.ofNanos(System.nanoTime() - started);
		release.countDown();
		assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
		pool.shutdown();

		assertThat(busy).isNotNull();
		assertThat(waited).isLessThan(Duration.ofSeconds(5));
		MockHttpServletResponse response = new MockHttpServletResponse();
		new SignInFailureHandler("/login").onAuthenticationFailure(new MockHttpServletRequest("POST", "/login"),
				response, busy);
		assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentAsString()).contains("try again");
	}

	@Test
	@DisplayName("Issue 5 (3): passwords are hashed with Argon2id at OWASP's minimum, m = 19 MiB, t = 2, p = 1")
	void passwordsAreHashedAtOwaspMinimum() {
		assertThat(this.encoder.encode("any")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
	}

	private static boolean refused(CustomerSignIn signIn, Authentication attempt) {
		try {
			signIn.authenticate(attempt);
			return false;
		}
		catch (BadCredentialsException ex) {
			assertThat(ex.getMessage()).isEqualTo(CustomerSignIn.FAILED);
			return true;
		}
	}

	private static Authentication attempt(String username, String password, String address) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username,
				password);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(address);
		attempt.setDetails(new WebAuthenticationDetails(request));
		return attempt;
	}

	private static Answer signIn(String username, String password) {
		CustomerSession browser = new CustomerSession(ISSUER);
		HttpResponse<String> page = browser.signIn(browser.get(ISSUER.resolve("/login")), username, password);
		Matcher error = ERROR.matcher(page.body());
		return new Answer(page.statusCode(), URI.create(page.uri().toString()).getPath() + "?" + page.uri().getQuery(),
				error.find() ? error.group(1) : "");
	}

	record Answer(int status, String page, String message) {
	}

	/** Counts Argon2 verifications, and those against one real hash. */
	static class CountingEncoder implements PasswordEncoder {

		final AtomicInteger allChecks = new AtomicInteger();

		final AtomicInteger realChecks = new AtomicInteger();

		private final PasswordEncoder delegate;

		private final String realHash;

		CountingEncoder(PasswordEncoder delegate, String realHash) {
			this.delegate = delegate;
			this.realHash = realHash;
		}

		@Override
		public String encode(CharSequence raw) {
			return this.delegate.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			this.allChecks.incrementAndGet();
			if (this.realHash.equals(encoded)) {
				this.realChecks.incrementAndGet();
			}
			return this.delegate.matches(raw, encoded);
		}

	}

}
