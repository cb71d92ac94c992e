package com.consentry.benchmarks;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import org.jspecify.annotations.Nullable;

/**
 * One thread's refresh-token chain: gets a refresh token from a complete flow (untimed),
 * then runs refresh grants with DPoP back to back, always with the refresh token of the
 * last answer, as the server rotates them. A failed grant breaks the chain, and the next
 * operation starts a new one from a new flow.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-6">RFC 6749 §6
 * refreshing an access token</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9449#section-5">RFC 9449 §5 DPoP
 * at the token endpoint</a>
 */
final class RefreshLoop implements ScenarioRunner.Worker {

	private final Partner partner;

	private final DpopSession dpop;

	private final AuthorizationFlow flow;

	private final StepTimer untimed = new StepTimer();

	private @Nullable RefreshToken refreshToken;

	RefreshLoop(Partner partner, DpopSession dpop, AuthorizationFlow flow) {
		this.partner = partner;
		this.dpop = dpop;
		this.flow = flow;
	}

	/** Starts a new chain when there is none. */
	@Override
	public void prepare() throws OperationFailed {
		if (this.refreshToken != null) {
			return;
		}
		this.untimed.start(System.nanoTime());
		try {
			Tokens tokens = this.flow.run(this.untimed);
			if (tokens.refreshToken() == null) {
				throw new OperationFailed("token: no refresh token");
			}
			this.refreshToken = tokens.refreshToken();
		}
		catch (OperationFailed ex) {
			throw new OperationFailed("new chain, " + ex.kind(), ex);
		}
	}

	/** One refresh grant; complete when the answer is 200 with a DPoP access token. */
	@Override
	public void run(StepTimer steps) throws OperationFailed {
		RefreshToken current = this.refreshToken;
		if (current == null) {
			throw new OperationFailed("refresh: no refresh token chain");
		}
		this.refreshToken = null;
		HTTPResponse response = this.dpop.send("refresh", () -> new TokenRequest(this.partner.endpoint("/oauth2/token"),
				this.partner.clientAuthentication(), new RefreshTokenGrant(current))
			.toHTTPRequest());
		Tokens tokens = Tokens.from("refresh", response);
		// RFC 9700 §4.14.2: rotation; a server that does not rotate leaves the current
		// token valid
		this.refreshToken = (tokens.refreshToken() != null) ? tokens.refreshToken() : current;
	}

	@Override
	public long nonceRetries() {
		return this.dpop.nonceRetries();
	}

}
