package com.consentry.authz;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;

/**
 * One feature's share of the authorization server's security configuration (PAR, the
 * authorization endpoint, client authentication, tokens, introspection, metadata, DPoP).
 * Each feature package provides its part as a bean;
 * {@link AuthorizationServerConfiguration} only composes them. Parts that replace one of
 * Spring's defaults do it through {@link SpringDefaults}, so an upgrade that moves a
 * default fails at start-up.
 * <p>
 * Spring's endpoint configurers keep one consumer per list of converters or providers (a
 * second call replaces the first): exactly one part edits each endpoint's converters, and
 * exactly one its providers.
 */
public interface AuthorizationServerPart {

	/** Adjusts Spring Authorization Server's endpoint configurers. */
	default void configure(OAuth2AuthorizationServerConfigurer server) {
	}

	/**
	 * Adds this part's filters and entry points to the authorization server's filter
	 * chain.
	 */
	default void configure(HttpSecurity http) throws Exception {
	}

}
