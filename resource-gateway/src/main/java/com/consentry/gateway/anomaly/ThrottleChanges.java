package com.consentry.gateway.anomaly;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.consentry.notifications.ChannelListener;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Listens on {@code partner_throttle_changed} (a trigger on
 * {@code gateway.partner_throttle}) so that a throttle an admin cleared in the console,
 * or another instance set, applies here at once rather than at the next
 * {@code refresh-interval}. While the listener is deaf the refresh still reads the table.
 */
@Configuration(proxyBeanMethods = false)
class ThrottleChanges {

	static final String CHANNEL = "partner_throttle_changed";

	@Bean
	ChannelListener throttleChangeListener(DataSource dataSource, AnomalyWatch watch) {
		return new ChannelListener(dataSource, "throttle-changes", List.of(CHANNEL), new ChannelListener.Subscriber() {

			@Override
			public void notified(String channel, String payload) {
				watch.throttlesChanged();
			}

			@Override
			public void listening(boolean listening) {
				if (listening) {
					// what changed while deaf
					watch.throttlesChanged();
				}
			}

		}, Duration.ofMillis(500));
	}

}
