package com.consentry.authz.consentpage;

import java.util.ArrayList;
import java.util.List;

import com.consentry.authz.customer.CustomerPasskeySignIn;
import com.consentry.consent.ConsentRequest;
import com.consentry.consent.CustomerAccounts;
import com.consentry.consent.DataCluster;
import com.consentry.consent.RequestedResource;
import com.consentry.consent.ResourceType;
import com.consentry.registry.Partner;
import com.consentry.registry.Partners;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Renders the consent page Spring Authorization Server sends the customer to.
 */
@Controller
final class ConsentPageController {

	static final String PATH = "/oauth2/consent";

	private final PendingConsents pendingConsents;

	private final RegisteredClientRepository clients;

	private final Partners partners;

	private final CustomerAccounts customerAccounts;

	private final ConsentStepUp stepUp;

	ConsentPageController(PendingConsents pendingConsents, RegisteredClientRepository clients, Partners partners,
			CustomerAccounts customerAccounts, ConsentStepUp stepUp) {
		Assert.notNull(stepUp, "stepUp cannot be null");
		this.stepUp = stepUp;
		Assert.notNull(pendingConsents, "pendingConsents cannot be null");
		Assert.notNull(clients, "clients cannot be null");
		Assert.notNull(partners, "partners cannot be null");
		Assert.notNull(customerAccounts, "customerAccounts cannot be null");
		this.pendingConsents = pendingConsents;
		this.clients = clients;
		this.partners = partners;
		this.customerAccounts = customerAccounts;
	}

	@GetMapping(PATH)
	String consentPage(@RequestParam("client_id") String clientId, @RequestParam("state") String state,
			@RequestParam(name = "error", required = false) String error, Authentication principal, Model model,
			HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		PendingConsents.Pending pending = this.pendingConsents.find(state, clientId, principal.getName()).orElse(null);
		RegisteredClient client = this.clients.findByClientId(clientId);
		if (pending == null || client == null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "consent-expired";
		}
		ConsentRequest request = pending.consent().request();
		String organisation = this.partners.find(clientId).map(Partner::orgName).orElse(client.getClientName());
		model.addAttribute("clientId", clientId);
		model.addAttribute("clientName", client.getClientName());
		model.addAttribute("organisation", organisation);
		model.addAttribute("state", state);
		model.addAttribute("scope", String.join(" ", pending.request().getScopes()));
		model.addAttribute("duration", duration(request));
		model.addAttribute("lookbackDays", request.lookbackPeriod());
		model.addAttribute("clusters", clusters(request));
		boolean wantsAccounts = !request.clustersFor(ResourceType.ACCOUNT).isEmpty();
		model.addAttribute("wantsAccounts", wantsAccounts);
		model.addAttribute("accounts",
				wantsAccounts
						? this.customerAccounts.accountsOf(principal.getName()).stream().map(AccountChoice::of).toList()
						: List.of());
		ConsentStepUp.Need need = this.stepUp.need(request, principal);
		model.addAttribute("stepUp", need == ConsentStepUp.Need.PASSKEY);
		model.addAttribute("enrolPasskey", need == ConsentStepUp.Need.ENROL_PASSKEY);
		model.addAttribute("stepUpOptionsUrl", CustomerPasskeySignIn.SIGN_IN_OPTIONS);
		model.addAttribute("stepUpUrl", CustomerPasskeySignIn.SIGN_IN);
		model.addAttribute("error", errorMessage(error, need));
		return "consent";
	}

	/**
	 * Sends the customer back to the consent page of {@code state} with {@code error}
	 * (303): an answer the page must explain, not the end of the flow.
	 */
	static void sendBack(HttpServletResponse response, String clientId, String state, String error) {
		response.setStatus(HttpServletResponse.SC_SEE_OTHER);
		response.setHeader(HttpHeaders.LOCATION,
				UriComponentsBuilder.fromPath(PATH)
					.queryParam(OAuth2ParameterNames.CLIENT_ID, clientId)
					.queryParam(OAuth2ParameterNames.STATE, state)
					.queryParam("error", error)
					.encode()
					.build()
					.toUriString());
	}

	private static @Nullable String errorMessage(@Nullable String error, ConsentStepUp.Need need) {
		if ("no_account".equals(error)) {
			return "Choose at least one account to share.";
		}
		if ("step_up".equals(error) && need == ConsentStepUp.Need.PASSKEY) {
			return "Nothing was shared yet. This app asks for your full account numbers: confirm it is you "
					+ "with your passkey before you allow it.";
		}
		if ("step_up".equals(error) && need == ConsentStepUp.Need.ENROL_PASSKEY) {
			return "Nothing was shared yet. The bank asks for a passkey before an app may see your full "
					+ "account numbers.";
		}
		return null;
	}

	private static List<DataCluster> clusters(ConsentRequest request) {
		List<DataCluster> clusters = new ArrayList<>();
		for (RequestedResource resource : request.resources()) {
			resource.dataClusters().stream().sorted().filter((c) -> !clusters.contains(c)).forEach(clusters::add);
		}
		return clusters;
	}

	private static String duration(ConsentRequest request) {
		return switch (request.durationType()) {
			case ONE_TIME -> "once, right now";
			case TIME_BOUND -> "for " + request.durationPeriod() + " days";
			case PERSISTENT -> "for a year, then the app must ask you again";
		};
	}

}
