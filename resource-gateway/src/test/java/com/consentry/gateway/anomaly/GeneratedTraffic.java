package com.consentry.gateway.anomaly;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.consentry.gateway.observability.AccessRecord;

/**
 * Made-up but realistic partner traffic: a daily shape (quiet nights, a morning ramp, a
 * lunch dip, an evening tail), weekends at under half the weekday volume, a day-to-day
 * and an hour-to-hour factor (log-normal) and Poisson counts; a mix of FDX endpoints of
 * the partner's own (transactions most, payment networks rarely); about 1 % of requests
 * refused (rate limits, revoked tokens, now and then an account the consent no longer
 * covers), consents replaced as customers come and go, and per-consent DPoP keys for
 * partners that use them. Seeded, so a run is repeatable.
 */
final class GeneratedTraffic {

	private static final double[] SHAPE = { 0.010, 0.008, 0.006, 0.005, 0.006, 0.015, 0.10, 0.30, 0.60, 0.90, 1.00,
			1.00, 0.85, 0.90, 1.00, 0.95, 0.90, 0.80, 0.65, 0.50, 0.40, 0.30, 0.15, 0.05 };

	/** The FDX endpoints, with the usual weight of each in an aggregator's traffic. */
	private static final String[] ENDPOINTS = { "ACCOUNTS", "ACCOUNT", "TRANSACTIONS", "STATEMENTS", "STATEMENT",
			"PAYMENT_NETWORKS", "CONTACT", "CUSTOMER" };

	private static final double[] WEIGHTS = { 0.15, 0.15, 0.45, 0.06, 0.03, 0.03, 0.05, 0.08 };

	private final Random random;

	private final String clientId;

	private final double peakPerHour;

	private final double nightlyBatch;

	private final boolean keyPerConsent;

	private final double[] mix = new double[ENDPOINTS.length];

	private final List<Consent> consents = new ArrayList<>();

	private int consentSequence;

	private int lastDay = -1;

	private double dayFactor = 1;

	/**
	 * @param seed the random seed
	 * @param clientId the partner
	 * @param peakPerHour requests in a busy weekday hour
	 * @param nightlyBatch share of the peak the partner adds at 02:00 for a nightly sync
	 * (0 for none)
	 * @param keyPerConsent whether each consent's tokens have a DPoP key of their own
	 * (else the partner uses one key)
	 */
	GeneratedTraffic(long seed, String clientId, double peakPerHour, double nightlyBatch, boolean keyPerConsent) {
		this.random = new Random(seed);
		this.clientId = clientId;
		this.peakPerHour = peakPerHour;
		this.nightlyBatch = nightlyBatch;
		this.keyPerConsent = keyPerConsent;
		// each partner has a mix of its own: the usual weights, each up to about twice or
		// half as large
		double total = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			this.mix[i] = WEIGHTS[i] * Math.exp(0.35 * this.random.nextGaussian());
			total += this.mix[i];
		}
		for (int i = 0; i < this.mix.length; i++) {
			this.mix[i] /= total;
		}
		for (int i = 0; i < 200; i++) {
			this.consents.add(newConsent());
		}
	}

	String clientId() {
		return this.clientId;
	}

	/** The mean requests of an hour before noise. */
	double expected(Instant hourStart) {
		var time = hourStart.atZone(ZoneOffset.UTC);
		boolean weekend = time.getDayOfWeek() == DayOfWeek.SATURDAY || time.getDayOfWeek() == DayOfWeek.SUNDAY;
		double mean = this.peakPerHour * SHAPE[time.getHour()] * (weekend ? 0.45 : 1.0);
		if (time.getHour() == 2) {
			mean += this.peakPerHour * this.nightlyBatch;
		}
		return mean;
	}

	/** One hour of normal traffic, in time order. */
	List<AccessRecord> hour(Instant hourStart) {
		return hour(hourStart, 1.0);
	}

	/** One hour with the volume multiplied (a spike). */
	List<AccessRecord> hour(Instant hourStart, double multiplier) {
		return hour(hourStart, multiplier, null, 0);
	}

	/**
	 * One hour of the usual volume in which a share of the requests goes to one endpoint
	 * instead of the partner's usual mix.
	 */
	List<AccessRecord> hourPulling(Instant hourStart, String endpoint, double share) {
		return hour(hourStart, 1.0, endpoint, share);
	}

	private List<AccessRecord> hour(Instant hourStart, double multiplier, String pulled, double share) {
		int day = (int) (hourStart.getEpochSecond() / 86_400);
		if (day != this.lastDay) {
			this.lastDay = day;
			this.dayFactor = Math.exp(0.08 * this.random.nextGaussian());
			// customers come and go: a few consents end, as many new ones start
			for (int i = 0; i < 6; i++) {
				this.consents.set(this.random.nextInt(this.consents.size()), newConsent());
			}
		}
		double mean = expected(hourStart) * this.dayFactor * Math.exp(0.08 * this.random.nextGaussian()) * multiplier;
		int count = poisson(mean);
		List<Long> offsets = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			offsets.add((long) (this.random.nextDouble() * 3_600_000));
		}
		offsets.sort(null);
		List<AccessRecord> records = new ArrayList<>(count);
		for (long offset : offsets) {
			Consent consent = this.consents.get(this.random.nextInt(this.consents.size()));
			String endpoint = (pulled != null && this.random.nextDouble() < share) ? pulled : usualEndpoint();
			records.add(request(hourStart.plusMillis(offset), consent, consent.key, endpoint));
		}
		return records;
	}

	/** A request of the partner's, on one of its consents, at a given time. */
	AccessRecord request(Instant at, Consent consent, String key) {
		return request(at, consent, key, usualEndpoint());
	}

	private AccessRecord request(Instant at, Consent consent, String key, String endpoint) {
		double roll = this.random.nextDouble();
		String outcome = "allowed";
		int status = 200;
		String account = consent.accounts[this.random.nextInt(consent.accounts.length)];
		if (roll < 0.005) {
			outcome = "rate_limited";
			status = 429;
		}
		else if (roll < 0.007) {
			outcome = "token_revoked";
			status = 401;
		}
		else if (roll < 0.009) {
			// an account closed or dropped from the consent since the partner last listed
			outcome = PartnerBehaviour.NOT_CONSENTED;
			status = 404;
			account = "acct-closed-" + this.random.nextInt(3);
		}
		boolean perAccount = !endpoint.equals("ACCOUNTS") && !endpoint.equals("CUSTOMER");
		return new AccessRecord(at, "ix", endpoint, this.clientId, "cp_" + consent.id, consent.id,
				perAccount ? account : null, Set.of("ACCOUNT_BASIC"), status, outcome, Duration.ofMillis(20), key);
	}

	private String usualEndpoint() {
		double roll = this.random.nextDouble();
		for (int i = 0; i < this.mix.length - 1; i++) {
			roll -= this.mix[i];
			if (roll < 0) {
				return ENDPOINTS[i];
			}
		}
		return ENDPOINTS[this.mix.length - 1];
	}

	/** A consent of the partner's with many accounts (a business customer's). */
	Consent wideConsent(int accounts) {
		Consent consent = newConsent();
		String[] many = new String[accounts];
		for (int i = 0; i < accounts; i++) {
			many[i] = consent.id + "-acct-" + i;
		}
		return new Consent(consent.id, consent.key, many);
	}

	Consent anyConsent() {
		return this.consents.get(this.random.nextInt(this.consents.size()));
	}

	private Consent newConsent() {
		String id = this.clientId + "-consent-" + (++this.consentSequence);
		String key = this.keyPerConsent ? "jkt-" + id : "jkt-" + this.clientId;
		// most customers share one to three accounts, a few (a small business) up to
		// eight
		int count = (this.random.nextDouble() < 0.03) ? 4 + this.random.nextInt(5) : 1 + this.random.nextInt(3);
		String[] accounts = new String[count];
		for (int i = 0; i < accounts.length; i++) {
			accounts[i] = id + "-acct-" + i;
		}
		return new Consent(id, key, accounts);
	}

	private int poisson(double mean) {
		if (mean > 50) {
			return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * this.random.nextGaussian()));
		}
		double limit = Math.exp(-mean);
		double product = this.random.nextDouble();
		int count = 0;
		while (product > limit) {
			product *= this.random.nextDouble();
			count++;
		}
		return count;
	}

	record Consent(String id, String key, String[] accounts) {
	}

}
