package com.consentry.authz.backpressure;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells a failure that means "the database cannot serve now" (no pooled connection within
 * the timeout, a statement over its timeout, a lock not granted, the server unreachable
 * or refusing connections) from any other failure. Those are worth a retry, so they
 * become {@code 503}; everything else stays an error.
 */
final class DatabaseUnavailable {

	/**
	 * PostgreSQL SQLSTATEs of a busy or unreachable server: {@code 57014} statement
	 * timeout, {@code 55P03} lock timeout, {@code 53300} too many connections,
	 * {@code 57P01}/{@code 57P03} shutting down or starting. Class {@code 08} (connection
	 * exceptions) is matched by its prefix.
	 */
	private static final Set<String> BUSY_STATES = Set.of("57014", "55P03", "53300", "57P01", "57P03");

	private static final int MAX_CAUSE_DEPTH = 16;

	private DatabaseUnavailable() {
	}

	static boolean causes(@Nullable Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++) {
			if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof RecoverableDataAccessException || cause instanceof SQLTransientException
					|| cause instanceof SQLRecoverableException
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (BUSY_STATES.contains(sql.getSQLState()) || sql.getSQLState().startsWith("08"))) {
				return true;
			}
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		return false;
	}

}
