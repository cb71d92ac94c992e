package com.consentry.authz.admin.partners;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import com.consentry.authz.admin.AdminActions;
import com.consentry.authz.admin.ConsoleRequestId;
import com.consentry.registry.PartnerDirectory;
import com.consentry.registry.PartnerOrganisation;
import com.consentry.registry.PartnerSoftware;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code POST /admin/partner/account-tokens/revoke}: a bank admin revokes one of a
 * partner's account tokens (the form on the partner's page, with a reason). The token is
 * dead for good at once: the gateway refuses to detokenize it, and the partner's next
 * call gets a new token while its consent lives (revoke the consent, or the partner, to
 * end access). The revocation and its record in {@code authz.admin_action} (and the audit
 * trail) commit together; a refused attempt is recorded too and changes nothing.
 */
@Controller
final class PartnerAccountTokenPages {

	static final String ACTION = "ACCOUNT_TOKEN_REVOKE";

	private static final int MAX_REASON = 2000;

	private final PartnerDirectory directory;

	private final PartnerAccountTokens tokens;

	private final AdminActions actions;

	private final TransactionOperations transactions;

	PartnerAccountTokenPages(PartnerDirectory directory, PartnerAccountTokens tokens, AdminActions actions,
			TransactionOperations transactions) {
		Assert.notNull(directory, "directory cannot be null");
		Assert.notNull(tokens, "tokens cannot be null");
		Assert.notNull(actions, "actions cannot be null");
		Assert.notNull(transactions, "transactions cannot be null");
		this.directory = directory;
		this.tokens = tokens;
		this.actions = actions;
		this.transactions = transactions;
	}

	@PostMapping("/admin/partner/account-tokens/revoke")
	String revoke(@RequestParam("org") String orgId, @RequestParam("token") String tokenId,
			@RequestParam(name = "reason", required = false) @Nullable String reason, Authentication admin,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		PartnerOrganisation organisation = this.directory.find(orgId)
			.orElseThrow(() -> new NoSuchElementException("no partner " + orgId));
		List<String> clients = organisation.software().stream().map(PartnerSoftware::clientId).toList();
		String actor = "admin:" + admin.getName();
		String correlationId = ConsoleRequestId.of(request);
		String given = (reason == null) ? "" : reason.strip();
		Optional<PartnerAccountTokens.Owned> token = id(tokenId).flatMap((id) -> this.tokens.find(id, clients));
		if (token.isEmpty()) {
			record(actor, organisation, given, AdminActions.Outcome.REFUSED, "no such account token " + clip(tokenId),
					correlationId);
			return problem(response, model, HttpServletResponse.SC_NOT_FOUND,
					"This partner has no such account token.");
		}
		String subject = "account-token:" + token.get().id() + " (consent " + token.get().consentId() + ", account "
				+ token.get().accountId() + ")";
		if (given.isEmpty() || given.length() > MAX_REASON) {
			record(actor, organisation, given, AdminActions.Outcome.REFUSED, subject + ": no reason given",
					correlationId);
			return problem(response, model, HttpServletResponse.SC_BAD_REQUEST,
					"Give the reason for revoking the token (at most " + MAX_REASON + " characters).");
		}
		boolean revoked = Boolean.TRUE.equals(this.transactions.execute((status) -> {
			boolean done = this.tokens.revoke(token.get().id(), actor);
			record(actor, organisation, given, done ? AdminActions.Outcome.SUCCEEDED : AdminActions.Outcome.REFUSED,
					subject + (done ? " revoked" : ": revoked already"), correlationId);
			return done;
		}));
		if (!revoked) {
			return problem(response, model, HttpServletResponse.SC_CONFLICT, "This account token is revoked already.");
		}
		redirect.addFlashAttribute("notice", "Account token " + token.get().id() + " is revoked.");
		return "redirect:" + UriComponentsBuilder.fromPath("/admin/partner")
			.queryParam("org", organisation.orgId())
			.encode()
			.toUriString();
	}

	private void record(String actor, PartnerOrganisation organisation, String reason, AdminActions.Outcome outcome,
			String detail, String correlationId) {
		this.actions.record(new AdminActions.Action(actor, ACTION, PartnerPages.TARGET, organisation.orgId(),
				reason.isEmpty() ? null : reason, outcome, detail, correlationId));
	}

	private static String problem(HttpServletResponse response, Model model, int status, String problem) {
		response.setStatus(status);
		model.addAttribute("problem", problem);
		return "admin/problem";
	}

	private static Optional<Long> id(String value) {
		try {
			return Optional.of(Long.parseLong(value.strip()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static String clip(String value) {
		return (value.length() <= 40) ? value : value.substring(0, 40);
	}

}
