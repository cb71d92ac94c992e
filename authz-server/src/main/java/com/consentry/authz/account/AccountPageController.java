package com.consentry.authz.account;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.consentry.audit.ConsentAccesses;
import com.consentry.authz.consentpage.AccountChoice;
import com.consentry.authz.customer.CustomerPasskeySignIn;
import com.consentry.authz.customer.CustomerPasskeys;
import com.consentry.consent.Consent;
import com.consentry.consent.ConsentId;
import com.consentry.consent.ConsentNotFoundException;
import com.consentry.consent.ConsentTransitionException;
import com.consentry.consent.Consents;
import com.consentry.consent.CustomerAccounts;
import com.consentry.registry.Partner;
import com.consentry.registry.Partners;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * The customer's consents at {@code /account}: grouped by partner, running ones first,
 * ended ones kept as history. One opens at {@code /account/consents/{id}}; revoking asks
 * for confirmation first ({@code GET .../revoke}), then a CSRF-protected POST revokes it
 * and every token under it. A consent of another customer, or an unknown id, is a 404
 * page and nothing changes. Each consent shows who accessed the data under it (the audit
 * trail's gateway records): the last access in the list, the latest 100 on its page. The
 * page also lists the customer's passkeys, adds one (the passkey script and Spring
 * Security's WebAuthn endpoints) and removes one; a customer who has a passkey first
 * gives it (the same step-up as on the consent page).
 */
@Controller
final class AccountPageController {

	static final String HOME = "/account";

	static final String CONSENT = "/account/consents/{consentId}";

	static final String REVOKE = CONSENT + "/revoke";

	static final String REMOVE_PASSKEY = "/account/passkeys/remove";

	private static final int MAX_ACCESSES = 100;

	private static final String UNKNOWN_PARTNER = "An app that is no longer registered";

	private final Consents consents;

	private final Partners partners;

	private final RegisteredClientRepository clients;

	private final CustomerAccounts customerAccounts;

	private final ConsentAccesses accesses;

	private final CustomerPasskeys passkeys;

	AccountPageController(Consents consents, Partners partners, RegisteredClientRepository clients,
			CustomerAccounts customerAccounts, ConsentAccesses accesses, CustomerPasskeys passkeys) {
		Assert.notNull(accesses, "accesses cannot be null");
		Assert.notNull(passkeys, "passkeys cannot be null");
		this.passkeys = passkeys;
		this.accesses = accesses;
		Assert.notNull(consents, "consents cannot be null");
		Assert.notNull(partners, "partners cannot be null");
		Assert.notNull(clients, "clients cannot be null");
		Assert.notNull(customerAccounts, "customerAccounts cannot be null");
		this.consents = consents;
		this.partners = partners;
		this.clients = clients;
		this.customerAccounts = customerAccounts;
	}

	@GetMapping(HOME)
	String home(@RequestParam(name = "revoked", required = false) @Nullable String revoked,
			@RequestParam(name = "passkeyRemoved", required = false) @Nullable String passkeyRemoved,
			Authentication principal, Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Instant now = this.consents.now();
		Function<String, @Nullable AccountChoice> accounts = accountsOf(principal.getName());
		Map<String, String> names = new LinkedHashMap<>();
		List<ConsentView> views = new ArrayList<>();
		for (Consent consent : this.consents.grantedBy(principal.getName())) {
			String partner = names.computeIfAbsent(consent.clientId(), this::partnerName);
			views.add(ConsentView.of(consent, partner, accounts, now));
		}
		Map<String, List<ConsentView>> running = group(views, true);
		Map<String, List<ConsentView>> ended = group(views, false);
		model.addAttribute("running", running);
		model.addAttribute("ended", ended);
		model.addAttribute("accesses", accessesOf(views.stream().map(ConsentView::id).toList(), accounts, 1));
		model.addAttribute("revoked", revoked != null && ConsentId.isWellFormed(revoked)
				&& views.stream().anyMatch((view) -> view.id().equals(revoked) && !view.running()));
		List<CustomerPasskeys.Passkey> passkeys = this.passkeys.passkeysOf(principal.getName());
		model.addAttribute("passkeys", passkeys.stream().map(PasskeyView::of).toList());
		// a customer with a passkey gives it before adding or removing one
		model.addAttribute("passkeyConfirmed",
				passkeys.isEmpty() || this.passkeys.freshPasskey((Authentication) principal) != null);
		model.addAttribute("passkeyStepUpOptionsUrl", CustomerPasskeySignIn.SIGN_IN_OPTIONS);
		model.addAttribute("passkeyStepUpUrl", CustomerPasskeySignIn.SIGN_IN);
		model.addAttribute("passkeyRemoved", passkeyRemoved != null);
		model.addAttribute("passkeyOptionsUrl", CustomerPasskeySignIn.REGISTER_OPTIONS);
		model.addAttribute("passkeyRegisterUrl", CustomerPasskeySignIn.REGISTER);
		return "account";
	}

	/**
	 * Removes one of the customer's passkeys (a CSRF-protected form, no JavaScript); a
	 * passkey that is not theirs is a 404 page and nothing changes. Without a fresh
	 * passkey (the customer has one) {@link CustomerPasskeys} refuses: 403.
	 */
	@PostMapping(REMOVE_PASSKEY)
	ModelAndView removePasskey(@RequestParam("id") String id, Authentication principal) {
		if (!this.passkeys.remove(principal.getName(), id)) {
			return notFound();
		}
		return new ModelAndView("redirect:" + HOME + "?passkeyRemoved#passkeys");
	}

	@GetMapping(CONSENT)
	String consent(@PathVariable String consentId, Principal principal, Model model, HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		ConsentView view = view(consentId, principal);
		model.addAttribute("consent", view);
		model.addAttribute("confirm", false);
		model.addAttribute("accesses", accessesOf(List.of(view.id()), accountsOf(principal.getName()), MAX_ACCESSES)
			.getOrDefault(view.id(), List.of()));
		return "account-consent";
	}

	/** The confirmation: what the partner loses, and the one button that revokes. */
	@GetMapping(REVOKE)
	String confirmRevocation(@PathVariable String consentId, Principal principal, Model model,
			HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		ConsentView view = view(consentId, principal);
		model.addAttribute("consent", view);
		model.addAttribute("confirm", view.running());
		model.addAttribute("accesses",
				view.running() ? List.of()
						: accessesOf(List.of(view.id()), accountsOf(principal.getName()), MAX_ACCESSES)
							.getOrDefault(view.id(), List.of()));
		return "account-consent";
	}

	@PostMapping(REVOKE)
	String revoke(@PathVariable String consentId, Principal principal) {
		this.consents.revokeByCustomer(consentIdOf(consentId), principal.getName());
		return "redirect:" + HOME + "?revoked=" + consentId;
	}

	@ExceptionHandler(ConsentNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ModelAndView notFound() {
		return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
	}

	/** Already stopped or expired (e.g. in another tab): show it as it is now. */
	@ExceptionHandler(ConsentTransitionException.class)
	String alreadyEnded() {
		return "redirect:" + HOME;
	}

	private ConsentView view(String consentId, Principal principal) {
		Consent consent = this.consents.findOfCustomer(consentIdOf(consentId), principal.getName())
			.orElseThrow(ConsentNotFoundException::new);
		return ConsentView.of(consent, partnerName(consent.clientId()), accountsOf(principal.getName()),
				this.consents.now());
	}

	/**
	 * "Who accessed my data": the gateway's records of the partner's calls under these
	 * consents (the customer's own, read above), newest first.
	 */
	private Map<String, List<AccessView>> accessesOf(List<String> consentIds,
			Function<String, @Nullable AccountChoice> accounts, int perConsent) {
		Map<String, List<AccessView>> views = new LinkedHashMap<>();
		this.accesses.latest(consentIds, perConsent)
			.forEach((id, list) -> views.put(id, list.stream().map((a) -> AccessView.of(a, accounts)).toList()));
		return views;
	}

	private Function<String, @Nullable AccountChoice> accountsOf(String customerId) {
		Map<String, AccountChoice> held = this.customerAccounts.accountsOf(customerId)
			.stream()
			.map(AccountChoice::of)
			.collect(Collectors.toMap(AccountChoice::accountId, Function.identity(), (a, b) -> a));
		return held::get;
	}

	private String partnerName(String clientId) {
		return this.partners.find(clientId).map(Partner::orgName).orElseGet(() -> {
			RegisteredClient client = this.clients.findByClientId(clientId);
			return (client != null) ? client.getClientName() : UNKNOWN_PARTNER;
		});
	}

	private static Map<String, List<ConsentView>> group(List<ConsentView> views, boolean running) {
		return views.stream()
			.filter((view) -> view.running() == running)
			.sorted(Comparator.comparing(ConsentView::partner))
			.collect(Collectors.groupingBy(ConsentView::partner, LinkedHashMap::new, Collectors.toList()));
	}

	private static ConsentId consentIdOf(String consentId) {
		if (!ConsentId.isWellFormed(consentId)) {
			throw new ConsentNotFoundException();
		}
		return new ConsentId(consentId);
	}

}
