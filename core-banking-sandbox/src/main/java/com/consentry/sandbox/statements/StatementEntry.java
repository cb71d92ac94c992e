package com.consentry.sandbox.statements;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import com.consentry.sandbox.core.Statement;

import org.springframework.web.util.UriUtils;

/**
 * An FDX statement in the search result.
 *
 * @param accountId the account
 * @param statementId the statement
 * @param statementDate the last day it covers
 * @param description what it is
 * @param status {@code AVAILABLE}
 * @param links where the PDF is
 */
record StatementEntry(String accountId, String statementId, LocalDate statementDate, String description, String status,
		List<Link> links) {

	/**
	 * FDX HateoasLink.
	 *
	 * @param href the path
	 * @param action the method
	 * @param rel what it is
	 * @param types the media types it answers with
	 */
	record Link(String href, String action, String rel, List<String> types) {
	}

	static StatementEntry of(Statement statement) {
		String href = "/fdx/v6/accounts/" + UriUtils.encodePathSegment(statement.accountId(), StandardCharsets.UTF_8)
				+ "/statements/" + UriUtils.encodePathSegment(statement.statementId(), StandardCharsets.UTF_8);
		return new StatementEntry(statement.accountId(), statement.statementId(), statement.statementDate(),
				"Monthly statement " + statement.periodStart() + " to " + statement.statementDate(), "AVAILABLE",
				List.of(new Link(href, "GET", "statement", List.of("application/pdf"))));
	}

}
