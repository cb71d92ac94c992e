package com.consentry.sandbox.statements;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.consentry.sandbox.bank.BankAccount;
import com.consentry.sandbox.bank.BankCustomer;
import com.consentry.sandbox.bank.BankRecords;
import com.consentry.sandbox.core.Statement;
import com.consentry.sandbox.core.StatementPdf;
import com.consentry.sandbox.core.Statements;
import com.consentry.sandbox.fdx.DateRange;
import com.consentry.sandbox.fdx.FdxError;
import com.consentry.sandbox.fdx.FdxException;
import com.consentry.sandbox.fdx.PageRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * searchForAccountStatements and getAccountStatement: {@code GET
 * /fdx/v6/accounts/{accountId}/statements} (filtered by statement date, both bounds or
 * neither, paginated, newest first) and {@code GET …/statements/{statementId}}, a PDF
 * (406 {@code 1203} when {@code Accept} does not allow one, 404 {@code 1104} for a
 * statement the account does not have).
 */
@RestController
@RequestMapping("/fdx/v6/accounts/{accountId}/statements")
final class StatementsController {

	private final BankRecords bank;

	private final Statements statements;

	StatementsController(BankRecords bank, Statements statements) {
		this.bank = bank;
		this.statements = statements;
	}

	@GetMapping
	Map<String, Object> search(@PathVariable String accountId, HttpServletRequest request) {
		DateRange range = DateRange.of(request, LocalDate.MIN, LocalDate.MAX);
		PageRequest page = PageRequest.of(request);
		BankAccount account = account(accountId);
		List<StatementEntry> entries = this.statements.of(account)
			.stream()
			.filter((statement) -> range.contains(statement.statementDate()))
			.map(StatementEntry::of)
			.toList();
		return page.body("statements", entries, request, Map.of());
	}

	@GetMapping(path = "/{statementId}", produces = MediaType.ALL_VALUE)
	ResponseEntity<byte[]> statement(@PathVariable String accountId, @PathVariable String statementId,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		requirePdfAccepted(accept);
		BankAccount account = account(accountId);
		Statement statement = this.statements.find(account, statementId)
			.orElseThrow(() -> new FdxException(FdxError.STATEMENT_NOT_FOUND));
		BankCustomer customer = this.bank.customer(account.customerId())
			.orElseThrow(() -> new FdxException(FdxError.CUSTOMER_NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + statement.statementId() + ".pdf\"")
			.body(StatementPdf.render(statement, account, customer));
	}

	/** No {@code Accept} is anything; otherwise one of its ranges must cover a PDF. */
	private static void requirePdfAccepted(@Nullable String accept) {
		if (accept == null || accept.isBlank()) {
			return;
		}
		try {
			for (MediaType range : MediaType.parseMediaTypes(accept)) {
				// q=0 means "not this" (RFC 9110 §12.4.2)
				if (range.includes(MediaType.APPLICATION_PDF) && range.getQualityValue() > 0) {
					return;
				}
			}
		}
		catch (InvalidMediaTypeException ex) {
			// an Accept we cannot read allows nothing we know how to send
		}
		throw new FdxException(FdxError.CONTENT_TYPE_NOT_SUPPORTED, "Statements are sent as application/pdf");
	}

	private BankAccount account(String accountId) {
		return this.bank.account(accountId).orElseThrow(() -> new FdxException(FdxError.ACCOUNT_NOT_FOUND));
	}

}
