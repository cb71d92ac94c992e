package com.consentry.authz;

import java.net.URI;
import java.util.Set;

/**
 * Checks the configured issuer identifier ({@code consentry.issuer}) at start-up: an
 * {@code https} URL without query or fragment (RFC 8414 §2), or plain {@code http} on
 * loopback for the default run only (FAPI 2.0 SP §5.2.1: every endpoint is TLS-only). A
 * server with any other issuer refuses to start.
 */
final class IssuerIdentifier {

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

	private IssuerIdentifier() {
	}

	/**
	 * Whether {@code issuer} names a loopback host (the default run's
	 * {@code http://localhost:9000}).
	 */
	static boolean isLoopback(String issuer) {
		try {
			URI uri = new URI(issuer);
			return uri.getHost() != null && LOOPBACK.contains(uri.getHost());
		}
		catch (Exception ex) {
			return false;
		}
	}

	static String check(String issuer) {
		URI uri;
		try {
			uri = new URI(issuer);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException("consentry.issuer is not a URL: " + issuer);
		}
		if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null || issuer.endsWith("/")) {
			throw new IllegalArgumentException(
					"consentry.issuer must be a URL without query, fragment or trailing slash: " + issuer);
		}
		boolean https = "https".equals(uri.getScheme());
		boolean loopbackHttp = "http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost());
		if (!https && !loopbackHttp) {
			throw new IllegalArgumentException(
					"consentry.issuer must be https (plain http only on loopback): " + issuer);
		}
		return issuer;
	}

}
