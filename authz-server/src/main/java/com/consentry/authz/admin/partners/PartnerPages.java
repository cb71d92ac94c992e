package com.consentry.authz.admin.partners;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import com.consentry.authz.admin.AdminActions;
import com.consentry.authz.admin.ConsoleRequestId;
import com.consentry.authz.admin.overview.TokenIssuanceCounts;
import com.consentry.consent.ConsentCounts;
import com.consentry.consent.ConsentStatus;
import com.consentry.registry.IllegalPartnerTransitionException;
import com.consentry.registry.PartnerDirectory;
import com.consentry.registry.PartnerGovernance;
import com.consentry.registry.PartnerOrganisation;
import com.consentry.registry.PartnerSoftware;
import com.consentry.registry.PartnerStatus;
import com.consentry.registry.PartnerStatusChange;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The partners list, a partner's page and the status change forms. An organisation is
 * named by a query parameter ({@code ?org=}), since directory-issued ids may hold any
 * character. Every change goes through {@link PartnerGovernance} and is recorded as an
 * admin action in the same transaction; a refused one is recorded too and changes
 * nothing.
 */
@Controller
final class PartnerPages {

	static final String TARGET = "PARTNER_ORG";

	private static final int MAX_REASON = 2000;

	private static final int MAX_SEARCH = 200;

	private static final int ACTIVITY = 20;

	private final PartnerDirectory directory;

	private final PartnerGovernance governance;

	private final ConsentCounts consents;

	private final TokenIssuanceCounts tokens;

	private final AdminActions actions;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final PartnerAccountTokens accountTokens;

	PartnerPages(PartnerDirectory directory, PartnerGovernance governance, ConsentCounts consents,
			TokenIssuanceCounts tokens, AdminActions actions, TransactionOperations transactions, Clock clock,
			PartnerAccountTokens accountTokens) {
		Assert.notNull(directory, "directory cannot be null");
		Assert.notNull(governance, "governance cannot be null");
		Assert.notNull(consents, "consents cannot be null");
		Assert.notNull(tokens, "tokens cannot be null");
		Assert.notNull(actions, "actions cannot be null");
		Assert.notNull(transactions, "transactions cannot be null");
		Assert.notNull(clock, "clock cannot be null");
		Assert.notNull(accountTokens, "accountTokens cannot be null");
		this.directory = directory;
		this.governance = governance;
		this.consents = consents;
		this.tokens = tokens;
		this.actions = actions;
		this.transactions = transactions;
		this.clock = clock;
		this.accountTokens = accountTokens;
	}

	@GetMapping("/admin/partners")
	String partners(@RequestParam(name = "status", required = false) @Nullable String status,
			@RequestParam(name = "q", required = false) @Nullable String search, Model model,
			HttpServletResponse response) {
		PartnerStatus filter = Arrays.stream(PartnerStatus.values())
			.filter((s) -> s.name().equals(status))
			.findFirst()
			.orElse(null);
		String text = (search == null || search.isBlank()) ? null : search.strip();
		if ((status != null && !status.isEmpty() && filter == null) || (text != null && text.length() > MAX_SEARCH)) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem",
					"Pick a status from the list, and search for at most " + MAX_SEARCH + " characters.");
		}
		model.addAttribute("statuses", PartnerStatus.values());
		model.addAttribute("status", filter);
		model.addAttribute("q", (text == null) ? "" : text);
		model.addAttribute("partners",
				(text != null && text.length() > MAX_SEARCH) ? List.of() : this.directory.search(filter, text));
		return "admin/partners";
	}

	@GetMapping("/admin/partner")
	String partner(@RequestParam("org") String orgId, Model model) {
		PartnerOrganisation organisation = find(orgId);
		Map<ConsentStatus, Long> consentCounts = consentCounts(organisation);
		LocalDate last = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		Map<String, Long> issued = this.tokens.perClient(last.minusDays(29), last)
			.stream()
			.collect(Collectors.toMap(TokenIssuanceCounts.ClientCount::clientId,
					TokenIssuanceCounts.ClientCount::issued));
		model.addAttribute("partner", organisation);
		model.addAttribute("clusters",
				String.join(", ", organisation.policy().allowedDataClusters().stream().sorted().toList()));
		model.addAttribute("consents", consentCounts);
		model.addAttribute("tokensIssued", issued);
		model.addAttribute("accountTokens",
				this.accountTokens.of(organisation.software().stream().map(PartnerSoftware::clientId).toList()));
		List<PartnerStatusChange> history = new ArrayList<>(this.governance.history(organisation.orgId()));
		Collections.reverse(history);
		model.addAttribute("history", history);
		model.addAttribute("activity", this.actions.recentFor(TARGET, organisation.orgId(), ACTIVITY));
		model.addAttribute("actions",
				Arrays.stream(PartnerAction.values()).filter((a) -> a.appliesTo(organisation.status())).toList());
		return "admin/partner";
	}

	@GetMapping("/admin/partner/{action}")
	String confirm(@PathVariable("action") String actionPath, @RequestParam("org") String orgId, Model model) {
		PartnerAction action = action(actionPath);
		PartnerOrganisation organisation = find(orgId);
		return confirmation(model, action, organisation, null, "");
	}

	@PostMapping("/admin/partner/{action}")
	String act(@PathVariable("action") String actionPath, @RequestParam("org") String orgId,
			@RequestParam(name = "reason", required = false) @Nullable String reason, Authentication admin,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		PartnerAction action = action(actionPath);
		PartnerOrganisation organisation = find(orgId);
		String actor = "admin:" + admin.getName();
		String correlationId = ConsoleRequestId.of(request);
		String given = (reason == null) ? "" : reason.strip();
		if (given.isEmpty() || given.length() > MAX_REASON) {
			record(actor, action, organisation, given, AdminActions.Outcome.REFUSED, "no reason given", correlationId);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return confirmation(model, action, organisation,
					"Give the reason for this decision (at most " + MAX_REASON + " characters).", given);
		}
		PartnerStatusChange change;
		try {
			change = this.transactions.execute((status) -> {
				PartnerStatusChange done = action.apply(this.governance, organisation.orgId(), actor, given);
				record(actor, action, organisation, given, AdminActions.Outcome.SUCCEEDED,
						done.from() + " -> " + done.to(), correlationId);
				return done;
			});
		}
		catch (NoSuchElementException ex) {
			// the organisation went away between the form and the change
			record(actor, action, organisation, given, AdminActions.Outcome.FAILED, ex.getMessage(), correlationId);
			throw ex;
		}
		catch (IllegalPartnerTransitionException ex) {
			record(actor, action, organisation, given, AdminActions.Outcome.REFUSED, ex.getMessage(), correlationId);
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return confirmation(model, action, find(orgId), "This partner is " + find(orgId).status()
					+ " now: it cannot be " + action.verb().toLowerCase(Locale.ROOT) + "d.", given);
		}
		Assert.state(change != null, "no status change");
		redirect.addFlashAttribute("notice", "Partner " + organisation.orgName() + " is now " + change.to() + ".");
		return "redirect:" + UriComponentsBuilder.fromPath("/admin/partner")
			.queryParam("org", organisation.orgId())
			.encode()
			.toUriString();
	}

	private String confirmation(Model model, PartnerAction action, PartnerOrganisation organisation,
			@Nullable String problem, String reason) {
		model.addAttribute("partner", organisation);
		model.addAttribute("action", action);
		model.addAttribute("applies", action.appliesTo(organisation.status()));
		model.addAttribute("effect", action.effect(organisation, consentCounts(organisation)));
		model.addAttribute("problem", problem);
		model.addAttribute("reason", reason);
		return "admin/partner-action";
	}

	private void record(String actor, PartnerAction action, PartnerOrganisation organisation, String reason,
			AdminActions.Outcome outcome, @Nullable String detail, String correlationId) {
		this.actions.record(new AdminActions.Action(actor, action.recordName(), TARGET, organisation.orgId(),
				reason.isEmpty() ? null : reason, outcome, detail, correlationId));
	}

	private Map<ConsentStatus, Long> consentCounts(PartnerOrganisation organisation) {
		Map<ConsentStatus, Long> counts = new EnumMap<>(ConsentStatus.class);
		Arrays.stream(ConsentStatus.values()).forEach((status) -> counts.put(status, 0L));
		counts.putAll(this.consents.byStatus(organisation.software().stream().map(PartnerSoftware::clientId).toList()));
		return counts;
	}

	private PartnerOrganisation find(String orgId) {
		return this.directory.find(orgId).orElseThrow(() -> new NoSuchElementException("no partner " + orgId));
	}

	private static PartnerAction action(String path) {
		return PartnerAction.ofPath(path).orElseThrow(() -> new NoSuchElementException("no action " + path));
	}

}
