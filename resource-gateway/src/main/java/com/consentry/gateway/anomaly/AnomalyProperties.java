package com.consentry.gateway.anomaly;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Anomaly detection settings ({@code consentry.gateway.anomaly.*}).
 *
 * @param enabled whether the gateway watches partners' traffic at all
 * @param zone the bank's time zone: hours of day and weekends are counted in it
 * @param historyDays how many past days the baseline compares with (same hour of day,
 * same day type: weekday or weekend)
 * @param minHistory comparable past hours needed before an hour is scored at all
 * @param threshold the modified z-score above which an hour is an outlier
 * @param quietMedian a baseline median at or below this many requests makes the hour "off
 * hours" for the partner
 * @param offHoursBurst requests in an off-hours hour that make a burst
 * @param spikeMinRequests an hour above the baseline is a spike only with at least this
 * many requests (a small partner's 12 instead of 3 is not worth an alert)
 * @param spikeMinRatio and only at this multiple of the baseline median or more: a
 * statistically clear but modest rise (a busy day, 50 % up) is business, not an attack
 * @param denialMinimum likewise for a surge of denials
 * @param mixMinRequests an endpoint family's calls in an hour are an unusual mix only
 * from this many on
 * @param mixMinRatio and only at this multiple of the family's baseline share or more
 * @param consentAccountsMinimum different accounts one consent reads in an hour that may
 * be unusual at all (below, never an alert)
 * @param enumerationWindow how far back refused account ids count for one consent
 * @param enumerationAccounts distinct account ids refused as not consented ({@code 701})
 * on one consent within the window that make an enumeration
 * @param newKeyWindow how long requests with a partner's new DPoP key are counted
 * @param newKeyRequests requests with a key new for the partner, within the window, that
 * make a burst
 * @param escalateAfter alerts for one partner within a day from which each further alert
 * gets the next response level
 * @param responses the response per detector; a detector not named gets its default
 * (enumeration: throttle, the others: alert)
 * @param flushInterval how often each instance writes its hourly counts and reads the
 * other instances'
 * @param refreshInterval how often each instance reads the throttled partners and writes
 * its alerts
 */
@ConfigurationProperties("consentry.gateway.anomaly")
public record AnomalyProperties(@DefaultValue("true") boolean enabled, @DefaultValue("UTC") ZoneId zone,
		@DefaultValue("28") int historyDays, @DefaultValue("7") int minHistory, @DefaultValue("3.5") double threshold,
		@DefaultValue("1") double quietMedian, @DefaultValue("30") int offHoursBurst,
		@DefaultValue("50") int spikeMinRequests, @DefaultValue("2") double spikeMinRatio,
		@DefaultValue("20") int denialMinimum, @DefaultValue("30") int mixMinRequests,
		@DefaultValue("3") double mixMinRatio, @DefaultValue("10") int consentAccountsMinimum,
		@DefaultValue("10m") Duration enumerationWindow, @DefaultValue("10") int enumerationAccounts,
		@DefaultValue("10m") Duration newKeyWindow, @DefaultValue("100") int newKeyRequests,
		@DefaultValue("3") int escalateAfter, @Nullable Map<Detector, Response> responses,
		@DefaultValue("60s") Duration flushInterval, @DefaultValue("5s") Duration refreshInterval) {

	/** The defaults, as a deployment without settings gets them. */
	public static AnomalyProperties defaults() {
		return new AnomalyProperties(true, ZoneId.of("UTC"), 28, 7, RobustScore.OUTLIER, 1, 30, 50, 2, 20, 30, 3, 10,
				Duration.ofMinutes(10), 10, Duration.ofMinutes(10), 100, 3, null, Duration.ofSeconds(60),
				Duration.ofSeconds(5));
	}

	/** The configured response to a detector's finding. */
	public Response response(Detector detector) {
		Map<Detector, Response> chosen = new EnumMap<>(Detector.class);
		chosen.put(Detector.ENUMERATION, Response.THROTTLE);
		if (this.responses != null) {
			chosen.putAll(this.responses);
		}
		return chosen.getOrDefault(detector, Response.ALERT);
	}

}
