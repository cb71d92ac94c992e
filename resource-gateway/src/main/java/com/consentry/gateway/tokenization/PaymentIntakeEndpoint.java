package com.consentry.gateway.tokenization;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/detokenize} on the gateway's management port, for the bank's
 * payment intake: body {@code {"token": "...", "requester": "ach-intake"}}; 200 with
 * {@code accountId}, {@code accountNumber}, {@code consentId} and {@code partner} for a
 * live token, else an OAuth-style error body: 400 {@code invalid_request}, 404
 * {@code unknown_token}, 410 {@code token_revoked} (with the {@code reason}), 409
 * {@code consent_inactive} or {@code partner_inactive} (suspended: refused now, not
 * dead), 503 {@code temporarily_unavailable}.
 * <p>
 * Why here: the management port is a connector of its own (bound to 127.0.0.1 unless the
 * bank binds it to its internal network), so no partner request can reach it through the
 * partner port, whatever the path; and the gateway holds the vault.
 */
@Component
@WebEndpoint(id = "detokenize")
class PaymentIntakeEndpoint {

	private static final Pattern REQUESTER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

	private final Detokenization detokenization;

	PaymentIntakeEndpoint(Detokenization detokenization) {
		this.detokenization = detokenization;
	}

	@WriteOperation
	WebEndpointResponse<Map<String, Object>> detokenize(@Nullable String token, @Nullable String requester) {
		String caller = (requester != null && REQUESTER.matcher(requester).matches()) ? requester : "payment-intake";
		Detokenization.Result result = this.detokenization.resolve(token, caller);
		Map<String, Object> body = new LinkedHashMap<>();
		if (result.outcome() == Detokenization.Outcome.LIVE) {
			body.put("accountId", result.accountId());
			body.put("accountNumber", result.accountNumber());
			body.put("consentId", result.consentId());
			body.put("partner", result.clientId());
		}
		else {
			body.put("error", result.outcome().value());
			if (result.reason() != null) {
				body.put("reason", result.reason());
			}
			body.put("error_description", description(result.outcome()));
		}
		return new WebEndpointResponse<>(body, result.outcome().status());
	}

	private static String description(Detokenization.Outcome outcome) {
		return switch (outcome) {
			case INVALID -> "Send the token as a string of at most 64 letters, digits or separators";
			case UNKNOWN -> "No such token was issued";
			case DEAD -> "The token is revoked: refuse the payment";
			case CONSENT_INACTIVE -> "The token's consent is not active now: refuse the payment";
			case PARTNER_INACTIVE -> "The partner the token was issued to is not active now: refuse the payment";
			case UNAVAILABLE -> "The vault or the core cannot be read now: try again";
			case LIVE -> "";
		};
	}

}
