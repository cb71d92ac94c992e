package com.consentry.gateway.anomaly;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.consentry.gateway.observability.AccessRecord;
import org.jspecify.annotations.Nullable;

/**
 * Each partner's traffic as this instance saw it, merged with what the other instances
 * wrote, and the detectors run on every access record. Time is the record's own (the
 * gateway's clock), so a test replays weeks of traffic in seconds.
 * <p>
 * Per partner and hour: requests, denials, requests per endpoint family and the most
 * different accounts one consent read. An hour is scored against the same hour of day on
 * past days of the same type (weekday or weekend, in the bank's zone) within
 * {@code history-days}, once at least {@code min-history} such hours exist after the
 * partner's first request; hours without traffic count as zero. The current hour is
 * scored while it fills (counts only grow, so an hour is flagged as soon as it crosses
 * the line, at most once per detector, or per detector and consent).
 */
public final class PartnerBehaviour {

	static final String NOT_CONSENTED = "account_not_consented";

	private static final long HOUR = 3600;

	private static final int MAX_CONSENTS_PER_HOUR = 100_000;

	private static final HourCount NONE = new HourCount(0, 0);

	private static final RobustScore.Shares NEVER_CALLED = new RobustScore.Shares(0, 0);

	private final AnomalyProperties settings;

	private final Map<String, Partner> partners = new ConcurrentHashMap<>();

	public PartnerBehaviour(AnomalyProperties settings) {
		this.settings = settings;
	}

	/**
	 * Counts a request and runs the detectors.
	 * @param record one FDX request at the gateway
	 * @return what it revealed, usually nothing
	 */
	public List<Alert> observe(AccessRecord record) {
		if (record.clientId() == null) {
			return List.of();
		}
		return partner(record.clientId()).observe(record);
	}

	/**
	 * This instance's own counts since an hour, for writing to the shared table.
	 * @param since the first hour wanted
	 * @return per partner, per hour start: requests and denials
	 */
	public Map<String, Map<Instant, HourCount>> ownCounts(Instant since) {
		Map<String, Map<Instant, HourCount>> counts = new HashMap<>();
		this.partners.forEach((clientId, partner) -> {
			Map<Instant, HourCount> hours = partner.ownSince(since.getEpochSecond() / HOUR);
			if (!hours.isEmpty()) {
				counts.put(clientId, hours);
			}
		});
		return counts;
	}

	/**
	 * Replaces what the other instances counted from an hour on (their rows of the shared
	 * table, summed).
	 * @param peerCounts per partner, per hour start
	 * @param since the first hour the counts cover
	 */
	public void peerCounts(Map<String, Map<Instant, HourCount>> peerCounts, Instant since) {
		long sinceHour = since.getEpochSecond() / HOUR;
		peerCounts.forEach((clientId, hours) -> partner(clientId).peers(hours, sinceHour));
		this.partners.forEach((clientId, partner) -> {
			if (!peerCounts.containsKey(clientId)) {
				partner.peers(Map.of(), sinceHour);
			}
		});
	}

	/**
	 * Keys the partner was seen with before (by any instance, from the shared table).
	 * @param keys per partner, key thumbprints
	 */
	public void knownKeys(Map<String, Set<String>> keys) {
		keys.forEach((clientId, thumbprints) -> partner(clientId).know(thumbprints));
	}

	/** Keys first seen here since the last call, per partner, for the shared table. */
	public Map<String, Set<String>> drainNewKeys() {
		Map<String, Set<String>> drained = new HashMap<>();
		this.partners.forEach((clientId, partner) -> {
			Set<String> keys = partner.drainNewKeys();
			if (!keys.isEmpty()) {
				drained.put(clientId, keys);
			}
		});
		return drained;
	}

	private Partner partner(String clientId) {
		return this.partners.computeIfAbsent(clientId, Partner::new);
	}

	private boolean weekend(long hour) {
		DayOfWeek day = Instant.ofEpochSecond(hour * HOUR).atZone(this.settings.zone()).getDayOfWeek();
		return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
	}

	/**
	 * The endpoint family of an FDX endpoint, as the mix is counted: one statement and
	 * the list of statements are one family.
	 * @param endpoint the {@link AccessRecord#endpoint()} name
	 * @return the family's name in evidence and the shared table
	 */
	static String family(String endpoint) {
		return switch (endpoint) {
			case "ACCOUNTS" -> "accounts_list";
			case "ACCOUNT" -> "account_details";
			case "STATEMENTS", "STATEMENT" -> "statements";
			case "TRANSACTIONS", "PAYMENT_NETWORKS", "CONTACT", "CUSTOMER" -> endpoint.toLowerCase(Locale.ROOT);
			default -> "other";
		};
	}

	/**
	 * One partner's traffic in one hour.
	 *
	 * @param requests every FDX request of the partner
	 * @param denials those refused, for whatever reason
	 * @param endpoints requests per endpoint family ({@link #family})
	 * @param consentAccounts the most different accounts any one consent read (requests
	 * that were allowed) in the hour
	 */
	public record HourCount(long requests, long denials, Map<String, Long> endpoints, int consentAccounts) {

		public HourCount {
			endpoints = Map.copyOf(endpoints);
		}

		public HourCount(long requests, long denials) {
			this(requests, denials, Map.of(), 0);
		}

		/** The sum of two instances' counts; the most accounts of either. */
		HourCount plus(HourCount other) {
			Map<String, Long> sum = new HashMap<>(this.endpoints);
			other.endpoints.forEach((family, count) -> sum.merge(family, count, Long::sum));
			return new HourCount(this.requests + other.requests, this.denials + other.denials, sum,
					Math.max(this.consentAccounts, other.consentAccounts));
		}

	}

	/** This instance's counts of one hour, and the accounts each consent read in it. */
	private static final class Tally {

		long requests;

		long denials;

		final Map<String, Long> endpoints = new HashMap<>();

		final Map<String, Set<String>> accountsByConsent = new HashMap<>();

		int consentAccounts;

		HourCount count() {
			return new HourCount(this.requests, this.denials, this.endpoints, this.consentAccounts);
		}

	}

	/** The baseline of one partner for one hour of day and day type. */
	private record Baseline(RobustScore requests, RobustScore.Shares denialShares,
			@Nullable Map<String, RobustScore.Shares> mixShares, @Nullable RobustScore consentAccounts) {
	}

	/** One partner's counts and detector state; all access under its lock. */
	private final class Partner {

		private final String clientId;

		private final TreeMap<Long, Tally> own = new TreeMap<>();

		private final TreeMap<Long, HourCount> peers = new TreeMap<>();

		private long firstHour = Long.MAX_VALUE;

		private long baselineHour = -1;

		private @Nullable Baseline baseline;

		private final Set<String> flagged = new HashSet<>();

		private long flaggedHour = -1;

		private final Set<String> flaggedThisHour = new HashSet<>();

		private final Set<String> keys = new HashSet<>();

		private final Set<String> newKeys = new HashSet<>();

		private final Map<String, KeyWatch> watchedKeys = new HashMap<>();

		private final Map<String, Deque<Refusal>> refusals = new HashMap<>();

		private final Deque<Instant> recentAlerts = new ArrayDeque<>();

		Partner(String clientId) {
			this.clientId = clientId;
		}

		synchronized List<Alert> observe(AccessRecord record) {
			long hour = record.at().getEpochSecond() / HOUR;
			Tally tally = this.own.get(hour);
			if (tally == null) {
				tally = new Tally();
				this.own.put(hour, tally);
				// only the hour being counted needs each consent's accounts
				this.own.headMap(hour).values().forEach((earlier) -> earlier.accountsByConsent.clear());
			}
			tally.requests++;
			boolean allowed = "allowed".equals(record.outcome());
			if (!allowed) {
				tally.denials++;
			}
			String family = family(record.endpoint());
			tally.endpoints.merge(family, 1L, Long::sum);
			int consentAccounts = 0;
			if (allowed && record.consentId() != null && record.accountId() != null
					&& (tally.accountsByConsent.size() < MAX_CONSENTS_PER_HOUR
							|| tally.accountsByConsent.containsKey(record.consentId()))) {
				Set<String> accounts = tally.accountsByConsent.computeIfAbsent(record.consentId(),
						(c) -> new HashSet<>());
				accounts.add(record.accountId());
				consentAccounts = accounts.size();
				tally.consentAccounts = Math.max(tally.consentAccounts, consentAccounts);
			}
			this.firstHour = Math.min(this.firstHour, hour);
			prune(hour);
			List<Alert> alerts = new ArrayList<>(1);
			if (NOT_CONSENTED.equals(record.outcome()) && record.consentId() != null && record.accountId() != null) {
				enumeration(record, alerts);
			}
			if (record.keyThumbprint() != null) {
				key(record, record.keyThumbprint(), alerts);
			}
			hourly(hour, record, family, consentAccounts, alerts);
			return alerts;
		}

		private void enumeration(AccessRecord record, List<Alert> alerts) {
			Deque<Refusal> seen = this.refusals.computeIfAbsent(record.consentId(), (c) -> new ArrayDeque<>());
			Instant since = record.at().minus(PartnerBehaviour.this.settings.enumerationWindow());
			while (!seen.isEmpty() && seen.peekFirst().at().isBefore(since)) {
				seen.removeFirst();
			}
			seen.addLast(new Refusal(record.at(), record.accountId()));
			Set<String> accounts = new HashSet<>();
			seen.forEach((refusal) -> accounts.add(refusal.accountId()));
			int limit = PartnerBehaviour.this.settings.enumerationAccounts();
			if (accounts.size() >= limit && this.flagged.add("enumeration/" + record.consentId())) {
				Map<String, String> evidence = new LinkedHashMap<>();
				evidence.put("consent", record.consentId());
				evidence.put("refused_accounts", Integer.toString(accounts.size()));
				evidence.put("refusals", Integer.toString(seen.size()));
				evidence.put("window", PartnerBehaviour.this.settings.enumerationWindow().toString());
				evidence.put("threshold", Integer.toString(limit));
				alerts.add(alert(Detector.ENUMERATION, record.at(), accounts.size(), evidence));
			}
			if (this.refusals.size() > 10_000) {
				this.refusals.entrySet().removeIf((entry) -> entry.getValue().peekLast().at().isBefore(since));
			}
		}

		private void key(AccessRecord record, String thumbprint, List<Alert> alerts) {
			if (this.keys.contains(thumbprint)) {
				return;
			}
			if (this.keys.isEmpty() && this.watchedKeys.isEmpty()) {
				// a partner's first key sets its pattern
				this.keys.add(thumbprint);
				this.newKeys.add(thumbprint);
				return;
			}
			Duration window = PartnerBehaviour.this.settings.newKeyWindow();
			KeyWatch watch = this.watchedKeys.computeIfAbsent(thumbprint, (k) -> new KeyWatch(record.at()));
			if (record.at().isAfter(watch.since.plus(window))) {
				// the key was used quietly through its window: it joins the pattern
				this.watchedKeys.remove(thumbprint);
				this.keys.add(thumbprint);
				this.newKeys.add(thumbprint);
				return;
			}
			watch.requests++;
			if (record.consentId() != null) {
				watch.consents.add(record.consentId());
			}
			int limit = PartnerBehaviour.this.settings.newKeyRequests();
			if (watch.requests >= limit && this.flagged.add("key/" + thumbprint)) {
				Map<String, String> evidence = new LinkedHashMap<>();
				evidence.put("key_thumbprint", thumbprint);
				evidence.put("requests", Long.toString(watch.requests));
				evidence.put("consents", Integer.toString(watch.consents.size()));
				evidence.put("first_used", watch.since.toString());
				evidence.put("known_keys", Integer.toString(this.keys.size()));
				evidence.put("threshold", limit + " in " + window);
				alerts.add(alert(Detector.NEW_DPOP_KEY, record.at(), watch.requests, evidence));
			}
		}

		private void hourly(long hour, AccessRecord record, String family, int consentAccounts, List<Alert> alerts) {
			if (this.baselineHour != hour) {
				baseline(hour);
			}
			Baseline baseline = this.baseline;
			if (baseline == null) {
				return;
			}
			if (this.flaggedHour != hour) {
				this.flaggedHour = hour;
				this.flaggedThisHour.clear();
			}
			Instant at = record.at();
			HourCount now = total(hour);
			AnomalyProperties settings = PartnerBehaviour.this.settings;
			RobustScore requests = baseline.requests();
			if (requests.median() <= settings.quietMedian()) {
				if (now.requests() >= settings.offHoursBurst() && this.flaggedThisHour.add("off_hours")) {
					alerts.add(alert(Detector.OFF_HOURS_BURST, at, requests.score(now.requests()),
							hourEvidence(hour, now.requests(), requests, "requests")));
				}
			}
			else if (now.requests() >= settings.spikeMinRequests()
					&& now.requests() >= settings.spikeMinRatio() * requests.median()
					&& requests.score(now.requests()) > settings.threshold() && this.flaggedThisHour.add("spike")) {
				alerts.add(alert(Detector.VOLUME_SPIKE, at, requests.score(now.requests()),
						hourEvidence(hour, now.requests(), requests, "requests")));
			}
			RobustScore denials = baseline.denialShares().scaledTo(now.requests());
			if (now.denials() >= settings.denialMinimum() && denials.score(now.denials()) > settings.threshold()
					&& this.flaggedThisHour.add("denials")) {
				alerts.add(alert(Detector.DENIAL_SURGE, at, denials.score(now.denials()),
						hourEvidence(hour, now.denials(), denials, "denials")));
			}
			mix(hour, at, family, now, baseline, alerts);
			if (consentAccounts > 0 && record.consentId() != null && baseline.consentAccounts() != null) {
				consentAccounts(hour, at, record.consentId(), consentAccounts, baseline.consentAccounts(), alerts);
			}
		}

		/**
		 * The hour's calls of the family just called, against the family's share in the
		 * comparable hours scaled to this hour's requests. Only this family's count grew,
		 * and the others' scores only fell with the hour's total, so no other family can
		 * have crossed the line.
		 */
		private void mix(long hour, Instant at, String family, HourCount now, Baseline baseline, List<Alert> alerts) {
			Map<String, RobustScore.Shares> mixShares = baseline.mixShares();
			if (mixShares == null) {
				return;
			}
			AnomalyProperties settings = PartnerBehaviour.this.settings;
			long calls = now.endpoints().getOrDefault(family, 0L);
			if (calls < settings.mixMinRequests()) {
				return;
			}
			RobustScore.Shares shares = mixShares.getOrDefault(family, NEVER_CALLED);
			RobustScore expected = shares.scaledTo(now.requests());
			double share = (double) calls / now.requests();
			double usualShare = shares.median();
			if (share >= settings.mixMinRatio() * usualShare && expected.score(calls) > settings.threshold()
					&& this.flaggedThisHour.add("mix")) {
				Map<String, String> evidence = new LinkedHashMap<>();
				evidence.put("hour", Instant.ofEpochSecond(hour * HOUR).toString());
				evidence.put("endpoint", family);
				evidence.put("calls", Long.toString(calls));
				evidence.put("hour_requests", Long.toString(now.requests()));
				evidence.put("share", percent(share));
				evidence.put("baseline_share", percent(usualShare));
				evidence.put("baseline_median", decimal(expected.median()));
				evidence.put("baseline_scale", decimal(expected.scale()));
				evidence.put("mix", mixOf(now));
				evidence.put("baseline_mix", baselineMix(mixShares));
				evidence.put("statistic", "modified z-score of the family's calls against its share (median, MAD) "
						+ "in the same hour and day type, last " + settings.historyDays() + " days");
				alerts.add(alert(Detector.ENDPOINT_MIX, at, expected.score(calls), evidence));
			}
		}

		private void consentAccounts(long hour, Instant at, String consentId, int accounts, RobustScore baseline,
				List<Alert> alerts) {
			AnomalyProperties settings = PartnerBehaviour.this.settings;
			if (accounts >= settings.consentAccountsMinimum() && accounts >= 2 * baseline.median()
					&& baseline.score(accounts) > settings.threshold()
					&& this.flaggedThisHour.add("accounts/" + consentId)) {
				Map<String, String> evidence = new LinkedHashMap<>();
				evidence.put("hour", Instant.ofEpochSecond(hour * HOUR).toString());
				evidence.put("consent", consentId);
				evidence.put("accounts", Integer.toString(accounts));
				evidence.put("baseline_median", decimal(baseline.median()));
				evidence.put("baseline_scale", decimal(baseline.scale()));
				evidence.put("statistic", "modified z-score against the most accounts one consent read per hour, "
						+ "same hour and day type, last " + settings.historyDays() + " days");
				alerts.add(alert(Detector.ACCOUNTS_PER_CONSENT, at, baseline.score(accounts), evidence));
			}
		}

		private Map<String, String> hourEvidence(long hour, long count, RobustScore baseline, String what) {
			Map<String, String> evidence = new LinkedHashMap<>();
			evidence.put("hour", Instant.ofEpochSecond(hour * HOUR).toString());
			evidence.put(what, Long.toString(count));
			evidence.put("baseline_median", decimal(baseline.median()));
			evidence.put("baseline_scale", decimal(baseline.scale()));
			evidence.put("statistic", "modified z-score, same hour and day type, last "
					+ PartnerBehaviour.this.settings.historyDays() + " days");
			return evidence;
		}

		private void baseline(long hour) {
			AnomalyProperties settings = PartnerBehaviour.this.settings;
			boolean weekend = weekend(hour);
			List<HourCount> history = new ArrayList<>();
			for (int day = 1; day <= settings.historyDays(); day++) {
				long past = hour - day * 24L;
				if (past >= this.firstHour && weekend(past) == weekend) {
					history.add(total(past));
				}
			}
			this.baselineHour = hour;
			if (history.size() < settings.minHistory()) {
				this.baseline = null;
				return;
			}
			RobustScore requests = RobustScore.of(history.stream().mapToDouble(HourCount::requests).toArray());
			List<HourCount> busy = history.stream().filter((count) -> count.requests() > 0).toList();
			// the share of denials, over past hours that had requests
			double[] denialShares = busy.stream()
				.mapToDouble((count) -> (double) count.denials() / count.requests())
				.toArray();
			if (denialShares.length == 0) {
				denialShares = new double[] { 0 };
			}
			// hours counted before endpoint families and accounts were (requests, no
			// families: rows written before V28) say nothing about either
			List<HourCount> counted = history.stream()
				.filter((count) -> count.requests() == 0 || !count.endpoints().isEmpty())
				.toList();
			List<HourCount> mixed = counted.stream().filter((count) -> count.requests() > 0).toList();
			// each family's share of the hour's requests, over past hours that had
			// requests; a family never called has share 0 in each
			Map<String, RobustScore.Shares> mixShares = null;
			if (mixed.size() >= settings.minHistory()) {
				Set<String> families = new HashSet<>();
				mixed.forEach((count) -> families.addAll(count.endpoints().keySet()));
				mixShares = new HashMap<>();
				for (String family : families) {
					mixShares.put(family, RobustScore.Shares.of(mixed.stream()
						.mapToDouble((count) -> (double) count.endpoints().getOrDefault(family, 0L) / count.requests())
						.toArray()));
				}
			}
			RobustScore consentAccounts = (counted.size() >= settings.minHistory())
					? RobustScore.of(counted.stream().mapToDouble(HourCount::consentAccounts).toArray()) : null;
			this.baseline = new Baseline(requests, RobustScore.Shares.of(denialShares), mixShares, consentAccounts);
		}

		private Alert alert(Detector detector, Instant at, double score, Map<String, String> evidence) {
			Instant dayAgo = at.minus(Duration.ofDays(1));
			while (!this.recentAlerts.isEmpty() && this.recentAlerts.peekFirst().isBefore(dayAgo)) {
				this.recentAlerts.removeFirst();
			}
			this.recentAlerts.addLast(at);
			Response response = PartnerBehaviour.this.settings.response(detector);
			if (this.recentAlerts.size() >= PartnerBehaviour.this.settings.escalateAfter()) {
				response = response.next();
				evidence.put("alerts_in_last_day", Integer.toString(this.recentAlerts.size()));
			}
			return new Alert(this.clientId, detector, at, score, response, evidence);
		}

		private HourCount total(long hour) {
			Tally tally = this.own.get(hour);
			HourCount peer = this.peers.get(hour);
			HourCount mine = (tally != null) ? tally.count() : NONE;
			return (peer != null) ? mine.plus(peer) : mine;
		}

		private void prune(long hour) {
			long oldest = hour - (PartnerBehaviour.this.settings.historyDays() + 1) * 24L;
			while (!this.own.isEmpty() && this.own.firstKey() < oldest) {
				this.own.pollFirstEntry();
			}
			if (this.flagged.size() > 10_000) {
				// consents and keys flagged long ago: a repeat would be flagged again
				this.flagged.clear();
			}
		}

		synchronized Map<Instant, HourCount> ownSince(long hour) {
			Map<Instant, HourCount> hours = new HashMap<>();
			this.own.tailMap(hour, true)
				.forEach((h, tally) -> hours.put(Instant.ofEpochSecond(h * HOUR), tally.count()));
			return hours;
		}

		synchronized void peers(Map<Instant, HourCount> hours, long sinceHour) {
			this.peers.tailMap(sinceHour, true).clear();
			hours.forEach((start, count) -> {
				long hour = start.getEpochSecond() / HOUR;
				this.peers.put(hour, count);
				this.firstHour = Math.min(this.firstHour, hour);
			});
			long oldest = (this.peers.isEmpty() ? sinceHour : this.peers.lastKey())
					- (PartnerBehaviour.this.settings.historyDays() + 1) * 24L;
			this.peers.headMap(oldest).clear();
			this.baselineHour = -1;
		}

		synchronized void know(Set<String> thumbprints) {
			this.keys.addAll(thumbprints);
		}

		synchronized Set<String> drainNewKeys() {
			Set<String> drained = Set.copyOf(this.newKeys);
			this.newKeys.clear();
			return drained;
		}

	}

	private static String decimal(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	private static String percent(double share) {
		return String.format(Locale.ROOT, "%.1f %%", share * 100);
	}

	private static String mixOf(HourCount count) {
		StringBuilder mix = new StringBuilder();
		new TreeMap<>(count.endpoints()).forEach(
				(family, calls) -> mix.append((mix.length() > 0) ? " " : "").append(family).append('=').append(calls));
		return mix.toString();
	}

	private static String baselineMix(Map<String, RobustScore.Shares> shares) {
		StringBuilder mix = new StringBuilder();
		new TreeMap<>(shares).forEach((family, values) -> mix.append((mix.length() > 0) ? " " : "")
			.append(family)
			.append('=')
			.append(percent(values.median())));
		return mix.toString();
	}

	private record Refusal(Instant at, String accountId) {
	}

	private static final class KeyWatch {

		final Instant since;

		long requests;

		final Set<String> consents = new HashSet<>();

		KeyWatch(Instant since) {
			this.since = since;
		}

	}

}
