package com.consentry.authz.passkeys;

import java.net.URI;

import org.springframework.util.Assert;

/**
 * The WebAuthn relying party the server is: its id is the issuer's host and the one
 * origin it accepts is the issuer's scheme, host and any explicit port (WebAuthn L3
 * §5.1.3 step 9, §7.2 step 13). Taken from the issuer so that the passkeys of a
 * deployment work only on its own pages.
 *
 * @param id the relying party id
 * @param origin the origin the browser must report
 */
public record RelyingParty(String id, String origin) {

	public RelyingParty {
		Assert.hasText(id, "id cannot be empty");
		Assert.hasText(origin, "origin cannot be empty");
	}

	/** The relying party of {@code issuer}. */
	public static RelyingParty of(String issuer) {
		URI uri = URI.create(issuer);
		Assert.hasText(uri.getHost(), "the issuer must name a host");
		return new RelyingParty(uri.getHost(),
				uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() < 0) ? "" : ":" + uri.getPort()));
	}

}
