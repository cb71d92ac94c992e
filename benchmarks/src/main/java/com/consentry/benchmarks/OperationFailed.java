package com.consentry.benchmarks;

/**
 * An operation (a grant, a flow) that did not complete. {@link #kind()} is a short,
 * stable label that the report groups errors by, such as
 * {@code "token: 400 invalid_grant"}; it never holds a token or a code.
 */
final class OperationFailed extends Exception {

	private final String kind;

	OperationFailed(String kind) {
		super(kind, null, false, false);
		this.kind = kind;
	}

	OperationFailed(String kind, Throwable cause) {
		super(kind, cause, false, false);
		this.kind = kind;
	}

	String kind() {
		return this.kind;
	}

}
