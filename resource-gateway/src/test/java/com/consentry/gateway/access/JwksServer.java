package com.consentry.gateway.access;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The authorization server's JWKS endpoint for the tests: a JDK HTTP server on
 * {@code 127.0.0.1}, serving whatever key set the test sets and counting the requests it
 * gets.
 */
final class JwksServer implements AutoCloseable {

	private final HttpServer server;

	private final AtomicInteger requests = new AtomicInteger();

	private volatile String body;

	private volatile int status = 200;

	JwksServer(JWKSet keys) throws IOException {
		this.body = keys.toString(true);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		this.server.createContext("/oauth2/jwks", this::answer);
		this.server.start();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/oauth2/jwks");
	}

	/** Serves the public keys of {@code keys} from now on. */
	void serve(JWKSet keys) {
		serveJson(keys.toString(true), 200);
	}

	/** Serves this body with this status from now on. */
	void serveJson(String json, int status) {
		this.body = json;
		this.status = status;
	}

	/** How many requests the endpoint has answered. */
	int requests() {
		return this.requests.get();
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		byte[] bytes = this.body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
		exchange.sendResponseHeaders(this.status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
