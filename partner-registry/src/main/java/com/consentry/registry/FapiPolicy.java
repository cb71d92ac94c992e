package com.consentry.registry;

import java.util.List;

import com.consentry.fapi.jose.JwsSignatures;

/**
 * The FAPI 2.0 choices that the registry checks at registration and the authorization
 * server enforces and advertises: one home, so that what a partner may register, what the
 * server accepts and what its metadata says cannot drift apart.
 */
public final class FapiPolicy {

	/**
	 * FAPI 2.0 SP §5.4.1: the JWS algorithms accepted and used, preferred first. No
	 * RS256, no HMAC, never {@code none}.
	 */
	public static final List<String> SIGNING_ALGORITHMS = JwsSignatures.ALGORITHM_NAMES;

	/** JARM §2.3: the signed response modes. */
	public static final List<String> JARM_RESPONSE_MODES = List.of("jwt", "query.jwt");

	/**
	 * RFC 9207 plain response with {@code iss}, only where the bank's policy allows it.
	 */
	public static final String PLAIN_RESPONSE_MODE = "query";

	/** What a client that registered no response mode gets. */
	public static final String DEFAULT_RESPONSE_MODE = "jwt";

	private FapiPolicy() {
	}

	/**
	 * The response modes the server accepts, given the bank's policy on plain responses.
	 */
	public static List<String> responseModes(boolean plainResponsesAllowed) {
		return plainResponsesAllowed ? List.of("jwt", "query.jwt", PLAIN_RESPONSE_MODE) : JARM_RESPONSE_MODES;
	}

	/** Whether {@code responseMode} is a signed (JARM) response mode. */
	public static boolean isJarm(String responseMode) {
		return JARM_RESPONSE_MODES.contains(responseMode);
	}

	/** The algorithms as an RFC 9449 §7.1 {@code algs} challenge parameter value. */
	public static String signingAlgorithmsSpaced() {
		return String.join(" ", SIGNING_ALGORITHMS);
	}

}
