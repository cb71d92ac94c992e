package com.consentry.benchmarks;

import java.net.http.HttpRequest;

import org.jspecify.annotations.Nullable;

/**
 * The requests a run sends, ready to go: the same one every time (a direct call to the
 * core) or each one once ({@link ProofDeck}). Called from several threads.
 */
@FunctionalInterface
interface RequestSource {

	/** The next request, or {@code null} when there is none left. */
	@Nullable HttpRequest next();

}
