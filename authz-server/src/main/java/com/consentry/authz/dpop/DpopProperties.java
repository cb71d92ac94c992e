package com.consentry.authz.dpop;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DPoP settings ({@code consentry.dpop.*}).
 *
 * @param nonceRequired whether proofs must carry a server nonce (RFC 9449 §8); on by
 * default, as it is the only defence against proofs made in advance by a compromised
 * client
 * @param proofMaxAge how old a proof's {@code iat} may be
 * @param nonceStep how long one nonce is current; a nonce is accepted for three steps
 */
@ConfigurationProperties("consentry.dpop")
public record DpopProperties(@DefaultValue("true") boolean nonceRequired, @DefaultValue("60s") Duration proofMaxAge,
		@DefaultValue("60s") Duration nonceStep) {
}
