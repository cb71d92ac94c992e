package com.consentry.sandbox.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the fault in force: waits, then either serves the request or fails it with the
 * chosen status and a body that looks like a core system's internals leaking (an FDX
 * error whose {@code debugMessage} is a stack trace with host names and SQL). Like a real
 * core, every answer, failed or not, names the internal node that served it in a header.
 * None of it may reach a partner through the gateway.
 */
public final class FaultInjection extends OncePerRequestFilter {

	/** The header every answer carries, naming an internal node. */
	public static final String INTERNAL_HEADER = "x-core-node";

	/** Text in every failure's body that must never reach a partner. */
	public static final String LEAK_MARKER = "ledger-db-03.core.internal";

	private static final String BODY = """
			{"code":"500","message":"Internal server error","debugMessage":"org.postgresql.util.PSQLException: \
			FATAL: remaining connection slots are reserved (host %s:5432, user core_svc)\\n\
			\\tat com.bank.core.ledger.AccountDao.findBalance(AccountDao.java:212)\\n\
			\\tat com.bank.core.ledger.LedgerService.balances(LedgerService.java:88)\\n\
			SQL: SELECT acct_no, ssn, balance FROM core.accounts WHERE cust_id = ?"}""".formatted(LEAK_MARKER);

	private final Faults faults;

	public FaultInjection(Faults faults) {
		this.faults = faults;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(INTERNAL_HEADER, "ledger-03 build 9.4.2-SNAPSHOT");
		Fault fault = this.faults.current();
		if (fault == null) {
			chain.doFilter(request, response);
			return;
		}
		if (fault.delayMillis() > 0) {
			try {
				Thread.sleep(fault.delayMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		Integer status = fault.status();
		if (status == null) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
	}

}
