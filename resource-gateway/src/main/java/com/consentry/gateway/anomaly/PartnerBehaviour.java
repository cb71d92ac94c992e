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
 * Per partner and hour: requests and denials. An hour is scored against the same hour of
 * day on past days of the same type (weekday or weekend, in the bank's zone) within
 * {@code history-days}, once at least {@code min-history} such hours exist after the
 * partner's first request; hours without traffic count as zero. The current hour is
 * scored while it fills (counts only grow, so an hour is flagged as soon as it crosses
 * the line, at most once per detector).
 */
public final class PartnerBehaviour {

	static final String NOT_CONSENTED = "account_not_consented";

	private static final long HOUR = 3600;

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
	 * Requests and denials in one hour.
	 *
	 * @param requests every FDX request of the partner
	 * @param denials those refused, for whatever reason
	 */
	public record HourCount(long requests, long denials) {
	}

	/** One partner's counts and detector state; all access under its lock. */
	private final class Partner {

		private final String clientId;

		private final TreeMap<Long, long[]> own = new TreeMap<>();

		private final TreeMap<Long, HourCount> peers = new TreeMap<>();

		private long firstHour = Long.MAX_VALUE;

		private long baselineHour = -1;

		private @Nullable RobustScore requestBaseline;

		private double @Nullable [] denialShares;

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
			long[] counts = this.own.computeIfAbsent(hour, (h) -> new long[2]);
			counts[0]++;
			boolean denied = !"allowed".equals(record.outcome());
			if (denied) {
				counts[1]++;
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
			hourly(hour, record.at(), alerts);
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

		private void hourly(long hour, Instant at, List<Alert> alerts) {
			if (this.baselineHour != hour) {
				baseline(hour);
			}
			RobustScore requests = this.requestBaseline;
			double[] shares = this.denialShares;
			if (requests == null || shares == null) {
				return;
			}
			if (this.flaggedHour != hour) {
				this.flaggedHour = hour;
				this.flaggedThisHour.clear();
			}
			HourCount now = total(hour);
			AnomalyProperties settings = PartnerBehaviour.this.settings;
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
			RobustScore denials = RobustScore.ofShare(shares, now.requests());
			if (now.denials() >= settings.denialMinimum() && denials.score(now.denials()) > settings.threshold()
					&& this.flaggedThisHour.add("denials")) {
				alerts.add(alert(Detector.DENIAL_SURGE, at, denials.score(now.denials()),
						hourEvidence(hour, now.denials(), denials, "denials")));
			}
		}

		private Map<String, String> hourEvidence(long hour, long count, RobustScore baseline, String what) {
			Map<String, String> evidence = new LinkedHashMap<>();
			evidence.put("hour", Instant.ofEpochSecond(hour * HOUR).toString());
			evidence.put(what, Long.toString(count));
			evidence.put("baseline_median", String.format(java.util.Locale.ROOT, "%.1f", baseline.median()));
			evidence.put("baseline_scale", String.format(java.util.Locale.ROOT, "%.1f", baseline.scale()));
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
				this.requestBaseline = null;
				this.denialShares = null;
				return;
			}
			this.requestBaseline = RobustScore.of(history.stream().mapToDouble(HourCount::requests).toArray());
			// the share of denials, over past hours that had requests
			this.denialShares = history.stream()
				.filter((count) -> count.requests() > 0)
				.mapToDouble((count) -> (double) count.denials() / count.requests())
				.toArray();
			if (this.denialShares.length == 0) {
				this.denialShares = new double[] { 0 };
			}
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
			long[] counts = this.own.get(hour);
			HourCount peer = this.peers.get(hour);
			long requests = ((counts != null) ? counts[0] : 0) + ((peer != null) ? peer.requests() : 0);
			long denials = ((counts != null) ? counts[1] : 0) + ((peer != null) ? peer.denials() : 0);
			return new HourCount(requests, denials);
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
				.forEach(
						(h, counts) -> hours.put(Instant.ofEpochSecond(h * HOUR), new HourCount(counts[0], counts[1])));
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
