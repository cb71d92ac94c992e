package com.consentry.authz.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A partner's notification endpoint for the tests: an HTTPS server on loopback with the
 * test certificate ({@code notification/partner-endpoint.p12}, trusted by the test
 * configuration's SSL bundle), answering each POST with the next scripted status and
 * recording what it received.
 */
final class TestPartnerEndpoint implements AutoCloseable {

	private static final char[] PASSWORD = "test-only-pass".toCharArray();

	private final HttpsServer server;

	private final Deque<Integer> statuses = new ArrayDeque<>();

	private final int finalStatus;

	private final List<Received> received = new ArrayList<>();

	/**
	 * @param finalStatus the answer once the scripted ones are used up
	 * @param scripted the first answers, in order
	 */
	TestPartnerEndpoint(int finalStatus, Integer... scripted) throws IOException, GeneralSecurityException {
		this.finalStatus = finalStatus;
		this.statuses.addAll(List.of(scripted));
		this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setHttpsConfigurator(new HttpsConfigurator(tls()));
		this.server.createContext("/consent-events", this::answer);
		this.server.start();
	}

	URI uri() {
		return URI.create("https://127.0.0.1:" + this.server.getAddress().getPort() + "/consent-events");
	}

	synchronized List<Received> received() {
		return List.copyOf(this.received);
	}

	/** Waits until {@code condition} holds, polling, at most {@code patience}. */
	static boolean await(BooleanSupplier condition, Duration patience) throws InterruptedException {
		Instant deadline = Instant.now().plus(patience);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				return false;
			}
			Thread.sleep(50);
		}
		return true;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			String content = new String(body.readAllBytes(), StandardCharsets.US_ASCII);
			int status;
			synchronized (this) {
				this.received.add(new Received(exchange.getRequestMethod(),
						exchange.getRequestHeaders().getFirst("Content-Type"), content));
				status = this.statuses.isEmpty() ? this.finalStatus : this.statuses.poll();
			}
			exchange.sendResponseHeaders(status, -1);
		}
	}

	private static SSLContext tls() throws IOException, GeneralSecurityException {
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream in = TestPartnerEndpoint.class.getResourceAsStream("/notification/partner-endpoint.p12")) {
			keyStore.load(in, PASSWORD);
		}
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(keyStore, PASSWORD);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), null, null);
		return context;
	}

	record Received(String method, String contentType, String body) {
	}

}
