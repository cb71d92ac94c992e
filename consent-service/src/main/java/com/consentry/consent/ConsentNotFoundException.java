package com.consentry.consent;

/**
 * No consent with that id is visible to the one asking: it does not exist, belongs to
 * another partner or customer, or was never granted. The three are deliberately
 * indistinguishable (FDX: 404, never revealing that it exists).
 */
public final class ConsentNotFoundException extends RuntimeException {

	public ConsentNotFoundException() {
		super("no such consent");
	}

}
