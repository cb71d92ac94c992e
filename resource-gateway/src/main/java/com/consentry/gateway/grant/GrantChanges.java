package com.consentry.gateway.grant;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.consentry.notifications.ChannelListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Listens on the channels through which the platform announces changes to what a token
 * may do, and drops what {@link Grants} kept about it: {@code access_token_revoked} (the
 * authorization server: a token revoked or replaced), {@code consent_changed} (the
 * consent service: revoked, expired, suspended), {@code partner_changed} (the registry: a
 * partner suspended, revoked or deleted) and {@code partner_policy_changed} (a new
 * rate-limit tier). The listener checks its connection every second, so a dead connection
 * is noticed within {@code consentry.gateway.grants.stale-after} and {@link Grants} stops
 * trusting what it kept.
 */
@Configuration(proxyBeanMethods = false)
class GrantChanges {

	static final String TOKEN_CHANNEL = "access_token_revoked";

	static final String CONSENT_CHANNEL = "consent_changed";

	static final String PARTNER_CHANNEL = "partner_changed";

	static final String POLICY_CHANNEL = "partner_policy_changed";

	private static final Logger logger = LoggerFactory.getLogger(GrantChanges.class);

	private final Grants grants;

	private final ApplicationEventPublisher events;

	GrantChanges(Grants grants, ApplicationEventPublisher events) {
		this.grants = grants;
		this.events = events;
	}

	@Bean
	ChannelListener grantChangeListener(DataSource dataSource) {
		return new ChannelListener(dataSource, "grant-changes",
				List.of(TOKEN_CHANNEL, CONSENT_CHANNEL, PARTNER_CHANNEL, POLICY_CHANNEL),
				new ChannelListener.Subscriber() {

					@Override
					public void notified(String channel, String payload) {
						apply(channel, payload);
					}

					@Override
					public void listening(boolean listening) {
						GrantChanges.this.grants.listening(listening);
					}

				}, Duration.ofMillis(500));
	}

	@Scheduled(fixedDelay = 60_000)
	void pruneChangeMarks() {
		this.grants.pruneChangeMarks();
	}

	private void apply(String channel, String payload) {
		switch (channel) {
			case TOKEN_CHANNEL -> this.grants.tokenRevoked(payload);
			case CONSENT_CHANNEL -> {
				this.grants.consentChanged(payload);
				this.events.publishEvent(new ConsentChanged(payload));
			}
			case PARTNER_CHANNEL -> this.grants.partnerChanged(payload);
			case POLICY_CHANNEL -> this.grants.policyChanged();
			default -> logger.debug("Ignoring notification on {}", channel);
		}
	}

}
