package com.consentry.gateway.tokenization;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * {@code POST /actuator/detokenize} on the gateway's management port, for the bank's
 * payment intake: {@code Authorization: Bearer <credential>} of a configured intake
 * caller, body {@code {"token": "..."}}; 200 with {@code accountId},
 * {@code accountNumber}, {@code consentId} and {@code partner} for a live token, else an
 * OAuth-style error body: 401 {@code invalid_client} (no known credential), 400
 * {@code invalid_request}, 404 {@code unknown_token}, 410 {@code token_revoked} (with the
 * {@code reason}), 409 {@code consent_inactive} or {@code partner_inactive} (suspended:
 * refused now, not dead), 503 {@code temporarily_unavailable}.
 * <p>
 * Why here: the management port is a connector of its own (bound to 127.0.0.1 unless the
 * bank binds it to its internal network), so no partner request reaches it through the
 * partner port, whatever the path; the endpoint does not exist when management shares the
 * partner port. And the gateway holds the vault.
 */
@Component
@WebEndpoint(id = "detokenize")
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class PaymentIntakeEndpoint {

	private final Detokenization detokenization;

	private final IntakeCallers callers;

	PaymentIntakeEndpoint(Detokenization detokenization, IntakeCallers callers) {
		this.detokenization = detokenization;
		this.callers = callers;
	}

	@WriteOperation
	WebEndpointResponse<Map<String, Object>> detokenize(@Nullable String token) {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		Optional<String> caller = this.callers.authenticate(request);
		Detokenization.Result result = caller.isPresent() ? this.detokenization.resolve(token, caller.get())
				: this.detokenization.unauthenticated();
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
			case UNAUTHENTICATED -> "Send the bearer credential the bank configured for this payment system";
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
