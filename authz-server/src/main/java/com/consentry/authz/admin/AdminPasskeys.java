package com.consentry.authz.admin;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.Assert;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The admins' passkeys (Spring Security's {@code JdbcUserCredentialRepository} on
 * {@code authz.user_credentials}), with the bank's rule for adding one decided in the
 * database, in the transaction that stores it:
 * <ul>
 * <li>an admin signed in with a passkey may add another;</li>
 * <li>an admin without any passkey may add a first one where passkeys are not required
 * (the default run), or within the enrolment window the bank opened for the account,
 * which this closes: the window is single use even for parallel attempts, since the
 * admin's row is locked first.</li>
 * </ul>
 * Anything else is refused with 403 and stores nothing. Updates of a known passkey (its
 * signature counter after each use) pass through. Every passkey added is recorded as an
 * admin action.
 */
final class AdminPasskeys implements UserCredentialRepository {

	private final UserCredentialRepository delegate;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final AdminActions actions;

	private final boolean passkeyRequired;

	AdminPasskeys(UserCredentialRepository delegate, JdbcClient jdbc, TransactionOperations transactions,
			AdminActions actions, boolean passkeyRequired) {
		Assert.notNull(delegate, "delegate cannot be null");
		Assert.notNull(jdbc, "jdbc cannot be null");
		Assert.notNull(transactions, "transactions cannot be null");
		Assert.notNull(actions, "actions cannot be null");
		this.delegate = delegate;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.actions = actions;
		this.passkeyRequired = passkeyRequired;
	}

	@Override
	public void save(CredentialRecord record) {
		if (this.delegate.findByCredentialId(record.getCredentialId()) != null) {
			this.delegate.save(record);
			return;
		}
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		this.transactions.executeWithoutResult((status) -> {
			String username = this.jdbc
				.sql("SELECT a.username FROM authz.bank_admin a JOIN authz.user_entities e ON e.name = a.username "
						+ "WHERE e.id = ? FOR UPDATE OF a")
				.param(record.getUserEntityUserId().toBase64UrlString())
				.query(String.class)
				.optional()
				.orElseThrow(() -> new AccessDeniedException("a passkey belongs to a bank admin"));
			if (!mayAdd(username, current)) {
				throw new AccessDeniedException("no passkey enrolment allowed for this admin now");
			}
			this.delegate.save(record);
			this.actions.record(new AdminActions.Action("admin:" + username, "PASSKEY_ENROL", "BANK_ADMIN", username,
					null, AdminActions.Outcome.SUCCEEDED, "label: " + record.getLabel(), correlationId()));
		});
	}

	private boolean mayAdd(String username, @Nullable Authentication current) {
		if (current != null && username.equals(current.getName()) && ConsoleAccess.passkeySignedIn(current)) {
			return true;
		}
		boolean first = !this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM authz.user_credentials c JOIN authz.user_entities e "
					+ "ON e.id = c.user_entity_user_id WHERE e.name = ?)")
			.param(username)
			.query(Boolean.class)
			.single();
		if (!first) {
			return false;
		}
		boolean windowClosed = this.jdbc
			.sql("UPDATE authz.bank_admin SET passkey_enrolment_until = NULL WHERE username = ? "
					+ "AND passkey_enrolment_until > now()")
			.param(username)
			.update() == 1;
		return !this.passkeyRequired || windowClosed;
	}

	private static String correlationId() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		HttpServletRequest request = (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest()
				: null;
		return (request != null) ? ConsoleRequestId.of(request) : "no-request";
	}

	@Override
	public void delete(Bytes credentialId) {
		this.delegate.delete(credentialId);
	}

	@Override
	public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
		return this.delegate.findByCredentialId(credentialId);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return this.delegate.findByUserId(userId);
	}

}
