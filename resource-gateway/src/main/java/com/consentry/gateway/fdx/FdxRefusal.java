package com.consentry.gateway.fdx;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A request the gateway refuses, with the FDX error it answers (status, {@code code},
 * {@code message}). The message may be shown to end users, so it names the rule, never
 * data; {@link #reason()} is the denial reason for metrics and the access record.
 */
public final class FdxRefusal extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final String reason;

	private final @Nullable Duration retryAfter;

	private final @Nullable String wwwAuthenticate;

	private FdxRefusal(HttpStatus status, String code, String message, String reason, @Nullable Duration retryAfter,
			@Nullable String wwwAuthenticate) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
		this.reason = reason;
		this.retryAfter = retryAfter;
		this.wwwAuthenticate = wwwAuthenticate;
	}

	/**
	 * 401 {@code 603}: no valid DPoP-bound token and proof (RFC 6750 §3, RFC 9449 §7.1).
	 * @param error the RFC 6750 / RFC 9449 error code for {@code WWW-Authenticate}
	 */
	public static FdxRefusal unauthenticated(String reason, String error, String message) {
		return new FdxRefusal(HttpStatus.UNAUTHORIZED, "603", message, reason, null,
				"DPoP error=\"" + error + "\", algs=\"ES256 PS256\"");
	}

	/**
	 * 401 {@code 603} for a certificate-bound token whose call does not present its
	 * certificate: a Bearer challenge (RFC 6750 §3, RFC 8705 §3), since such a token is
	 * presented with the Bearer scheme.
	 */
	public static FdxRefusal certificateRefused(String reason, String message) {
		return new FdxRefusal(HttpStatus.UNAUTHORIZED, "603", message, reason, null, "Bearer error=\"invalid_token\"");
	}

	/** 401 {@code 603} asking for a fresh gateway nonce (RFC 9449 §9). */
	public static FdxRefusal nonceRequired(String message) {
		return new FdxRefusal(HttpStatus.UNAUTHORIZED, "603", message, "dpop_nonce", null,
				"DPoP error=\"use_dpop_nonce\", algs=\"ES256 PS256\"");
	}

	/**
	 * 404 {@code 701}: the account is not among the consent's, whether or not it exists.
	 */
	public static FdxRefusal accountNotFound() {
		return new FdxRefusal(HttpStatus.NOT_FOUND, "701", "Account not found", "account_not_consented", null, null);
	}

	/** 403 {@code 403}: the consent does not grant the data this endpoint serves. */
	public static FdxRefusal clusterNotGranted(String cluster) {
		return new FdxRefusal(HttpStatus.FORBIDDEN, "403", "The consent does not grant " + cluster + " data",
				"cluster_not_granted", null, null);
	}

	/** 429 {@code 1207}. */
	public static FdxRefusal tooManyRequests(Duration retryAfter) {
		return new FdxRefusal(HttpStatus.TOO_MANY_REQUESTS, "1207", "Too many requests", "rate_limited", retryAfter,
				null);
	}

	/** 400 {@code 401}: a parameter the gateway cannot accept. */
	public static FdxRefusal invalidInput(String message) {
		return new FdxRefusal(HttpStatus.BAD_REQUEST, "401", message, "invalid_input", null, null);
	}

	/** 400 {@code 702}/{@code 703}: bad dates or date range. */
	public static FdxRefusal invalidDates(String code, String message) {
		return new FdxRefusal(HttpStatus.BAD_REQUEST, code, message, "invalid_dates", null, null);
	}

	/** 404 {@code 1104}: no such statement of a consented account. */
	public static FdxRefusal statementNotFound() {
		return new FdxRefusal(HttpStatus.NOT_FOUND, "1104", "Statement not found", "no_statement", null, null);
	}

	/** 406 {@code 1203}: the document is not available in the type asked for. */
	public static FdxRefusal notAcceptable() {
		return new FdxRefusal(HttpStatus.NOT_ACCEPTABLE, "1203", "Content type not supported", "not_acceptable", null,
				null);
	}

	/** 404: no such FDX endpoint. */
	public static FdxRefusal noSuchEndpoint() {
		return new FdxRefusal(HttpStatus.NOT_FOUND, "1107", "Data not found for request parameters", "no_endpoint",
				null, null);
	}

	/** 405 {@code 1206}. */
	public static FdxRefusal methodNotAllowed() {
		return new FdxRefusal(HttpStatus.METHOD_NOT_ALLOWED, "1206", "Method not allowed", "method_not_allowed", null,
				null);
	}

	/**
	 * 503 {@code 501}: a part the answer depends on (the database, the core-banking
	 * system) cannot be reached; nothing is served rather than something unchecked.
	 */
	public static FdxRefusal unavailable(String reason, Duration retryAfter) {
		return new FdxRefusal(HttpStatus.SERVICE_UNAVAILABLE, "501", "Subsystem unavailable", reason, retryAfter, null);
	}

	/** 500 {@code 500}: the gateway itself failed. */
	public static FdxRefusal internalError() {
		return new FdxRefusal(HttpStatus.INTERNAL_SERVER_ERROR, "500", "Internal server error", "internal_error", null,
				null);
	}

	/**
	 * An error page's status as an FDX error: what the servlet container refused before
	 * any route (a malformed request line, a body too large).
	 */
	public static FdxRefusal ofStatus(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		if (known == null || known.is5xxServerError()) {
			return internalError();
		}
		if (known == HttpStatus.NOT_FOUND) {
			return noSuchEndpoint();
		}
		if (known == HttpStatus.METHOD_NOT_ALLOWED) {
			return methodNotAllowed();
		}
		return new FdxRefusal(known, "401", "Invalid input", "invalid_request", null, null);
	}

	/** 500 {@code 500}: the upstream answered something the gateway will not pass on. */
	public static FdxRefusal upstreamFailure(String reason) {
		return new FdxRefusal(HttpStatus.BAD_GATEWAY, "500", "Internal server error", reason, null, null);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public String reason() {
		return this.reason;
	}

	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	public @Nullable String wwwAuthenticate() {
		return this.wwwAuthenticate;
	}

}
