package com.consentry.consent;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.consentry.consent.internal.ConsentCountStore;

import org.springframework.stereotype.Service;
import org.springframework.util.Assert;

/**
 * Counts of consents for the bank's administration: how many a partner's clients hold in
 * each state, and how many were granted and revoked per day. Read from the consent
 * records themselves (their status and timestamps), never kept apart from them.
 */
@Service
public class ConsentCounts {

	private final ConsentCountStore store;

	public ConsentCounts(ConsentCountStore store) {
		Assert.notNull(store, "store cannot be null");
		this.store = store;
	}

	/**
	 * Consents of these clients by status; a status without any is missing from the map.
	 */
	public Map<ConsentStatus, Long> byStatus(Collection<String> clientIds) {
		Assert.notNull(clientIds, "clientIds cannot be null");
		return clientIds.isEmpty() ? Map.of() : this.store.byStatus(clientIds);
	}

	/**
	 * Consents granted (authorized) and revoked on each day (UTC) from {@code first} to
	 * {@code last}, both included, every day listed, oldest first.
	 */
	public List<DailyConsentCounts> grantedAndRevokedPerDay(LocalDate first, LocalDate last) {
		Assert.notNull(first, "first cannot be null");
		Assert.notNull(last, "last cannot be null");
		Assert.isTrue(!last.isBefore(first), "last cannot be before first");
		Assert.isTrue(first.plusDays(366).isAfter(last), "at most 366 days at a time");
		return this.store.grantedAndRevokedPerDay(first, last);
	}

	/**
	 * Consents granted and revoked on one day (UTC).
	 *
	 * @param day the day
	 * @param granted consents the customer approved that day
	 * @param revoked consents revoked that day, by anyone
	 */
	public record DailyConsentCounts(LocalDate day, long granted, long revoked) {
	}

}
