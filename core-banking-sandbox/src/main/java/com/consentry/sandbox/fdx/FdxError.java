package com.consentry.sandbox.fdx;

import org.springframework.http.HttpStatus;

/**
 * The FDX errors the sandbox answers with: code and HTTP status as in spec/fdx.md §3.3,
 * and a message fit for end users.
 */
public enum FdxError {

	/** 401 Invalid input: a malformed parameter. */
	INVALID_INPUT("401", HttpStatus.BAD_REQUEST, "Invalid input"),

	/** 500 Internal server error. */
	INTERNAL("500", HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error"),

	/** 501 Subsystem unavailable: the bank's records could not be read. */
	SUBSYSTEM_UNAVAILABLE("501", HttpStatus.SERVICE_UNAVAILABLE, "Subsystem unavailable, retry later"),

	/** 601 Customer not found. */
	CUSTOMER_NOT_FOUND("601", HttpStatus.NOT_FOUND, "Customer not found"),

	/** 701 Account not found. */
	ACCOUNT_NOT_FOUND("701", HttpStatus.NOT_FOUND, "Account not found"),

	/** 702 Invalid start or end date: not a date. */
	INVALID_DATE("702", HttpStatus.BAD_REQUEST, "Invalid start or end date"),

	/** 703 Invalid date range: start after end, or only one bound. */
	INVALID_DATE_RANGE("703", HttpStatus.BAD_REQUEST, "Invalid date range"),

	/** 1104 Statement id not found. */
	STATEMENT_NOT_FOUND("1104", HttpStatus.NOT_FOUND, "Statement not found"),

	/** 1107 Data not found for request parameters: no such resource path. */
	NOT_FOUND("1107", HttpStatus.NOT_FOUND, "Data not found for request parameters"),

	/** 1203 Content type not supported: {@code Accept} allows nothing we can send. */
	CONTENT_TYPE_NOT_SUPPORTED("1203", HttpStatus.NOT_ACCEPTABLE, "Content type not supported"),

	/** 1206 Method not allowed. */
	METHOD_NOT_ALLOWED("1206", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed");

	private final String code;

	private final HttpStatus status;

	private final String message;

	FdxError(String code, HttpStatus status, String message) {
		this.code = code;
		this.status = status;
		this.message = message;
	}

	/** The FDX code, a string. */
	public String code() {
		return this.code;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String message() {
		return this.message;
	}

}
