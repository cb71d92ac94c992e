package com.consentry.gateway.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.consentry.gateway.observability.AccessRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detectors on generated traffic ({@link GeneratedTraffic}): three weeks teach the
 * baselines, the fourth is replayed normal, or with one anomaly injected.
 */
class PartnerBehaviourTests {

	/** A Monday, midnight UTC. */
	private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

	private static final int WEEK = 7 * 24;

	private static final Instant WEEK_FOUR = START.plus(Duration.ofHours(3 * WEEK));

	private final PartnerBehaviour behaviour = new PartnerBehaviour(AnomalyProperties.defaults());

	private static List<GeneratedTraffic> partners(long seed) {
		return List.of(new GeneratedTraffic(seed, "aggregator", 800, 0.5, false),
				new GeneratedTraffic(seed + 1, "budget-app", 60, 0, true),
				new GeneratedTraffic(seed + 2, "lender", 200, 0, false),
				new GeneratedTraffic(seed + 3, "tax-prep", 15, 0, true),
				new GeneratedTraffic(seed + 4, "wealth", 300, 1.0, true));
	}

	/** Feeds hours of every partner's normal traffic; returns the alerts. */
	private List<Alert> replay(List<GeneratedTraffic> partners, Instant from, int hours) {
		List<Alert> alerts = new ArrayList<>();
		for (int hour = 0; hour < hours; hour++) {
			Instant start = from.plus(Duration.ofHours(hour));
			for (GeneratedTraffic partner : partners) {
				for (AccessRecord record : partner.hour(start)) {
					alerts.addAll(this.behaviour.observe(record));
				}
			}
		}
		return alerts;
	}

	private List<Alert> learnThreeWeeks(List<GeneratedTraffic> partners) {
		return replay(partners, START, 3 * WEEK);
	}

	@Test
	@DisplayName("A week of normal traffic replayed after three weeks of learning raises no alert of any detector "
			+ "(volume, off hours, denials, endpoint mix, accounts per consent, enumeration, new keys)")
	void observeWhenNormalWeekThenNoAlert() {
		List<GeneratedTraffic> partners = partners(11);
		learnThreeWeeks(partners);
		List<Alert> alerts = replay(partners, WEEK_FOUR, WEEK);
		assertThat(alerts).isEmpty();
	}

	@Test
	@DisplayName("False-positive rate over 20 simulated partner-months of normal traffic stays under 0.1 % of partner-hours")
	void observeWhenManyNormalWeeksThenFalsePositiveRateBelowOnePerMille() {
		int alerts = 0;
		int partnerHours = 0;
		java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
		for (long seed = 100; seed < 104; seed++) {
			PartnerBehaviour fresh = new PartnerBehaviour(AnomalyProperties.defaults());
			List<GeneratedTraffic> partners = partners(seed * 10);
			for (int hour = 0; hour < 4 * WEEK; hour++) {
				Instant start = START.plus(Duration.ofHours(hour));
				for (GeneratedTraffic partner : partners) {
					for (AccessRecord record : partner.hour(start)) {
						List<Alert> raised = fresh.observe(record);
						if (hour >= WEEK) {
							alerts += raised.size();
							raised
								.forEach((alert) -> kinds.merge(
										alert.detector() + "/" + alert.clientId() + "@"
												+ alert.at().atZone(java.time.ZoneOffset.UTC).getHour(),
										1, Integer::sum));
						}
					}
					if (hour >= WEEK) {
						partnerHours++;
					}
				}
			}
		}
		double rate = (double) alerts / partnerHours;
		System.out.printf("anomaly false positives: %d alerts in %d partner-hours (%.4f %%) %s%n", alerts, partnerHours,
				rate * 100, kinds);
		assertThat(rate).isLessThan(0.001);
	}

	@Test
	@DisplayName("A weekday afternoon at three times the usual volume is a volume spike")
	void observeWhenVolumeTripledThenVolumeSpike() {
		List<GeneratedTraffic> partners = partners(12);
		learnThreeWeeks(partners);
		GeneratedTraffic aggregator = partners.get(0);
		Instant wednesdayAfternoon = WEEK_FOUR.plus(Duration.ofDays(2)).plus(Duration.ofHours(14));
		List<Alert> alerts = new ArrayList<>();
		for (AccessRecord record : aggregator.hour(wednesdayAfternoon, 3.0)) {
			alerts.addAll(this.behaviour.observe(record));
		}
		assertThat(alerts).singleElement().satisfies((alert) -> {
			assertThat(alert.detector()).isEqualTo(Detector.VOLUME_SPIKE);
			assertThat(alert.clientId()).isEqualTo("aggregator");
			assertThat(alert.score()).isGreaterThan(RobustScore.OUTLIER);
			assertThat(alert.response()).isEqualTo(Response.ALERT);
			assertThat(alert.evidence()).containsKeys("requests", "baseline_median", "baseline_scale");
		});
	}

	@Test
	@DisplayName("Two hundred requests at 03:00 from a partner quiet at night is an off-hours burst")
	void observeWhenNightBurstThenOffHoursBurst() {
		List<GeneratedTraffic> partners = partners(13);
		learnThreeWeeks(partners);
		GeneratedTraffic budgetApp = partners.get(1);
		Instant tuesdayNight = WEEK_FOUR.plus(Duration.ofDays(1)).plus(Duration.ofHours(3));
		List<Alert> alerts = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			GeneratedTraffic.Consent consent = budgetApp.anyConsent();
			alerts.addAll(
					this.behaviour.observe(budgetApp.request(tuesdayNight.plusSeconds(i * 5), consent, consent.key())));
		}
		assertThat(alerts).extracting(Alert::detector).containsExactly(Detector.OFF_HOURS_BURST);
		assertThat(alerts.get(0).evidence()).containsEntry("requests", "30");
	}

	@Test
	@DisplayName("Twenty-five different account ids refused on one consent within minutes is an enumeration, throttled")
	void observeWhenAccountIdsWalkedThenEnumeration() {
		List<GeneratedTraffic> partners = partners(14);
		learnThreeWeeks(partners);
		GeneratedTraffic lender = partners.get(2);
		GeneratedTraffic.Consent consent = lender.anyConsent();
		Instant at = WEEK_FOUR.plus(Duration.ofHours(10));
		List<Alert> alerts = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			alerts.addAll(this.behaviour.observe(new AccessRecord(at.plusSeconds(i), "ix", "ACCOUNT", "lender", "cp_x",
					consent.id(), "acct-" + (1000 + i), Set.of(), 404, PartnerBehaviour.NOT_CONSENTED, Duration.ZERO,
					consent.key())));
		}
		// the walk is also a surge of denials for the hour; the enumeration is what
		// throttles
		assertThat(alerts).filteredOn((alert) -> alert.detector() == Detector.ENUMERATION)
			.singleElement()
			.satisfies((alert) -> {
				assertThat(alert.response()).isEqualTo(Response.THROTTLE);
				assertThat(alert.evidence()).containsEntry("consent", consent.id())
					.containsEntry("refused_accounts", "10");
			});
	}

	@Test
	@DisplayName("A DPoP key the partner never used, in a burst of 150 requests, is flagged; a new key used quietly is not")
	void observeWhenNewKeyBurstThenNewDpopKey() {
		List<GeneratedTraffic> partners = partners(15);
		learnThreeWeeks(partners);
		GeneratedTraffic lender = partners.get(2);
		Instant at = WEEK_FOUR.plus(Duration.ofHours(11));
		List<Alert> quiet = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			quiet.addAll(
					this.behaviour.observe(lender.request(at.plusSeconds(i * 20), lender.anyConsent(), "jkt-rotated")));
		}
		List<Alert> burst = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			burst.addAll(
					this.behaviour.observe(lender.request(at.plusMillis(i * 2000), lender.anyConsent(), "jkt-stolen")));
		}
		assertThat(quiet).isEmpty();
		assertThat(burst).singleElement().satisfies((alert) -> {
			assertThat(alert.detector()).isEqualTo(Detector.NEW_DPOP_KEY);
			assertThat(alert.evidence()).containsEntry("key_thumbprint", "jkt-stolen").containsEntry("requests", "100");
		});
	}

	@Test
	@DisplayName("Issue 11 (5): a partner that suddenly pulls mostly payment networks (full account numbers) "
			+ "in an hour of usual volume shows an unusual endpoint mix, with the mix seen and the baseline's")
	void observeWhenPaymentNetworksPulledThenEndpointMix() {
		List<GeneratedTraffic> partners = partners(17);
		learnThreeWeeks(partners);
		GeneratedTraffic lender = partners.get(2);
		Instant wednesdayAfternoon = WEEK_FOUR.plus(Duration.ofDays(2)).plus(Duration.ofHours(14));
		List<Alert> alerts = new ArrayList<>();
		for (AccessRecord record : lender.hourPulling(wednesdayAfternoon, "PAYMENT_NETWORKS", 0.7)) {
			alerts.addAll(this.behaviour.observe(record));
		}
		assertThat(alerts).singleElement().satisfies((alert) -> {
			assertThat(alert.detector()).isEqualTo(Detector.ENDPOINT_MIX);
			assertThat(alert.clientId()).isEqualTo("lender");
			assertThat(alert.score()).isGreaterThan(RobustScore.OUTLIER);
			assertThat(alert.response()).isEqualTo(Response.ALERT);
			assertThat(alert.evidence()).containsEntry("endpoint", "payment_networks")
				.containsKeys("calls", "share", "baseline_share", "mix", "baseline_mix", "statistic");
			assertThat(Double.parseDouble(alert.evidence().get("baseline_share").replace(" %", ""))).isLessThan(10);
			assertThat(alert.evidence().get("mix")).contains("payment_networks=");
		});
	}

	@Test
	@DisplayName("Issue 11 (5): the usual mix at three times the volume is a volume spike, not an unusual endpoint mix")
	void observeWhenVolumeTripledThenMixUnchanged() {
		List<GeneratedTraffic> partners = partners(18);
		learnThreeWeeks(partners);
		GeneratedTraffic wealth = partners.get(4);
		Instant thursdayMorning = WEEK_FOUR.plus(Duration.ofDays(3)).plus(Duration.ofHours(10));
		List<Alert> alerts = new ArrayList<>();
		for (AccessRecord record : wealth.hour(thursdayMorning, 3.0)) {
			alerts.addAll(this.behaviour.observe(record));
		}
		assertThat(alerts).extracting(Alert::detector).containsExactly(Detector.VOLUME_SPIKE);
	}

	@Test
	@DisplayName("Issue 11 (5): a consent that suddenly reads 25 different accounts in an hour, where the partner's "
			+ "consents read at most a few, is flagged once, with the consent and the baseline")
	void observeWhenConsentReadsManyAccountsThenAccountsPerConsent() {
		List<GeneratedTraffic> partners = partners(19);
		learnThreeWeeks(partners);
		GeneratedTraffic aggregator = partners.get(0);
		Instant mondayMorning = WEEK_FOUR.plus(Duration.ofHours(9));
		GeneratedTraffic.Consent wide = aggregator.wideConsent(25);
		List<AccessRecord> hour = new ArrayList<>(aggregator.hour(mondayMorning));
		for (int i = 0; i < 25; i++) {
			for (int read = 0; read < 2; read++) {
				hour.add(new AccessRecord(mondayMorning.plusSeconds(60 + i * 60 + read), "ix", "TRANSACTIONS",
						"aggregator", "cp_wide", wide.id(), wide.accounts()[i], Set.of("TRANSACTIONS"), 200, "allowed",
						Duration.ofMillis(20), wide.key()));
			}
		}
		hour.sort(java.util.Comparator.comparing(AccessRecord::at));
		List<Alert> alerts = new ArrayList<>();
		hour.forEach((record) -> alerts.addAll(this.behaviour.observe(record)));
		assertThat(alerts).singleElement().satisfies((alert) -> {
			assertThat(alert.detector()).isEqualTo(Detector.ACCOUNTS_PER_CONSENT);
			assertThat(alert.evidence()).containsEntry("consent", wide.id())
				.containsEntry("accounts", "10")
				.containsKeys("baseline_median", "baseline_scale", "statistic");
			assertThat(Double.parseDouble(alert.evidence().get("baseline_median"))).isLessThanOrEqualTo(5);
		});
	}

	@Test
	@DisplayName("Issue 11 (5): hours counted before endpoint families and accounts were (rows from before V28) "
			+ "are no baseline for either: no mix or accounts alert until a week of such counts exists")
	void observeWhenHistoryLacksFamiliesThenMixAndAccountsNotScored() {
		GeneratedTraffic lender = new GeneratedTraffic(20, "lender", 200, 0, false);
		// three weeks as another instance wrote them before the upgrade: requests only
		java.util.Map<Instant, PartnerBehaviour.HourCount> old = new java.util.HashMap<>();
		for (int hour = 0; hour < 3 * WEEK; hour++) {
			Instant start = START.plus(Duration.ofHours(hour));
			old.put(start, new PartnerBehaviour.HourCount(lender.hour(start).size(), 0));
		}
		this.behaviour.peerCounts(java.util.Map.of("lender", old), START);
		Instant wednesdayAfternoon = WEEK_FOUR.plus(Duration.ofDays(2)).plus(Duration.ofHours(14));
		GeneratedTraffic.Consent wide = lender.wideConsent(25);
		List<Alert> alerts = new ArrayList<>();
		for (AccessRecord record : lender.hourPulling(wednesdayAfternoon, "PAYMENT_NETWORKS", 0.7)) {
			alerts.addAll(this.behaviour.observe(record));
		}
		for (int i = 0; i < 25; i++) {
			alerts.addAll(this.behaviour.observe(new AccessRecord(wednesdayAfternoon.plusSeconds(3000 + i), "ix",
					"TRANSACTIONS", "lender", "cp_wide", wide.id(), wide.accounts()[i], Set.of("TRANSACTIONS"), 200,
					"allowed", Duration.ofMillis(20), wide.key())));
		}
		assertThat(alerts).extracting(Alert::detector)
			.doesNotContain(Detector.ENDPOINT_MIX, Detector.ACCOUNTS_PER_CONSENT);
	}

	@Test
	@DisplayName("A partner's third alert within a day gets the next response level: throttle becomes suspend")
	void observeWhenRepeatedAlertsThenEscalates() {
		Instant at = WEEK_FOUR;
		List<Alert> alerts = new ArrayList<>();
		for (int consent = 0; consent < 3; consent++) {
			for (int i = 0; i < 10; i++) {
				alerts.addAll(this.behaviour.observe(new AccessRecord(at.plusSeconds(consent * 60 + i), "ix", "ACCOUNT",
						"prober", null, "consent-" + consent, "acct-" + i, Set.of(), 404,
						PartnerBehaviour.NOT_CONSENTED, Duration.ZERO, "jkt-prober")));
			}
		}
		assertThat(alerts).extracting(Alert::response)
			.containsExactly(Response.THROTTLE, Response.THROTTLE, Response.SUSPEND);
	}

	@Test
	@DisplayName("Other instances' counts join the baseline: a spike split over two instances is still a spike")
	void observeWhenPeersCountedThenTotalScored() {
		List<GeneratedTraffic> partners = List.of(new GeneratedTraffic(16, "aggregator", 800, 0.5, false));
		learnThreeWeeks(partners);
		Instant hour = WEEK_FOUR.plus(Duration.ofDays(2)).plus(Duration.ofHours(14));
		List<AccessRecord> spike = partners.get(0).hour(hour, 3.0);
		List<AccessRecord> mine = spike.subList(0, spike.size() / 2);
		this.behaviour.peerCounts(java.util.Map.of("aggregator",
				java.util.Map.of(hour, new PartnerBehaviour.HourCount(spike.size() - mine.size(), 0))), hour);
		List<Alert> alerts = new ArrayList<>();
		mine.forEach((record) -> alerts.addAll(this.behaviour.observe(record)));
		assertThat(alerts).extracting(Alert::detector).containsExactly(Detector.VOLUME_SPIKE);
	}

}
