package com.consentry.authz.dpop;

import java.time.Clock;

import com.consentry.authz.keys.ServerSecrets;
import com.consentry.authz.replay.ReplayRegistry;
import com.consentry.fapi.dpop.DpopNonces;
import com.consentry.fapi.dpop.DpopProofVerifier;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The authorization server's DPoP proof checks: nonces under a secret every instance
 * derives from the server secrets, and replays refused through {@link ReplayRegistry}.
 */
@Configuration(proxyBeanMethods = false)
class DpopConfiguration {

	@Bean
	@DependsOnDatabaseInitialization
	DpopNonces dpopNonces(ServerSecrets secrets, DpopProperties properties, Clock clock) {
		return new DpopNonces(secrets.secret("dpop-nonce"), properties.nonceStep(), clock);
	}

	@Bean
	DpopProofVerifier dpopProofVerifier(ReplayRegistry replay, DpopNonces nonces, DpopProperties properties,
			Clock clock) {
		return new DpopProofVerifier(
				(jkt, jti, keepUntil) -> replay.firstUse(ReplayRegistry.Purpose.DPOP_PROOF, jkt, jti, keepUntil),
				nonces, properties.nonceRequired(), properties.proofMaxAge(), clock);
	}

}
