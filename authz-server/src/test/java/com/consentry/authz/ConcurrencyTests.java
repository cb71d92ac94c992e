package com.consentry.authz;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import com.consentry.authz.support.AuthorizationServerTest;
import com.consentry.authz.support.Concurrently;
import com.consentry.authz.support.FapiTestClient;
import com.consentry.authz.support.Tokens;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Correctness under concurrency (not speed): many partners and customers at once on a
 * small pool, with every request holding at most one connection, finish without a single
 * error. Before the store of our own, a refresh needed two connections at once and 16
 * concurrent refreshes on a pool of 10 wedged the server.
 */
class ConcurrencyTests extends AuthorizationServerTest {

	private static final int REFRESH_CHAINS = 64;

	private static final int REFRESHES_PER_CHAIN = 5;

	private static final int COMPLETE_FLOWS = 32;

	@Autowired
	private DataSource dataSource;

	@Test
	@DisplayName("Issue 5: 64 concurrent refresh chains and 32 concurrent complete flows on a pool of 10 connections all finish with no error")
	void refreshChainsAndFlowsOnASmallPool() throws Exception {
		assertThat(((HikariDataSource) this.dataSource).getMaximumPoolSize()).isEqualTo(10);
		List<FapiTestClient> partners = new ArrayList<>();
		List<Tokens> chains = new ArrayList<>();
		// The chains' first tokens, fetched a few at a time: what is under test is the
		// concurrent phase
		List<Callable<Tokens>> firstTokens = new ArrayList<>();
		for (int i = 0; i < REFRESH_CHAINS; i++) {
			FapiTestClient partner = newPartner();
			partners.add(partner);
			firstTokens.add(() -> Tokens.obtain(partner));
		}
		chains.addAll(Concurrently.run(firstTokens, 8));

		List<Callable<Tokens>> work = new ArrayList<>();
		for (int i = 0; i < REFRESH_CHAINS; i++) {
			FapiTestClient partner = partners.get(i);
			Tokens first = chains.get(i);
			work.add(() -> {
				Tokens current = first;
				for (int n = 0; n < REFRESHES_PER_CHAIN; n++) {
					current = Tokens.fromResponse(partner.refresh(current.refreshToken()));
				}
				return current;
			});
		}
		for (int i = 0; i < COMPLETE_FLOWS; i++) {
			FapiTestClient partner = partners.get(i);
			work.add(() -> Tokens.obtain(partner));
		}
		List<Tokens> finished = Concurrently.run(work, work.size());
		assertThat(finished).hasSize(REFRESH_CHAINS + COMPLETE_FLOWS).allSatisfy((tokens) -> {
			assertThat(tokens.accessToken()).isNotNull();
			assertThat(tokens.refreshToken()).isNotNull();
		});
	}

	@Test
	@DisplayName("Issue 5: one customer approving 8 requests of one partner at once gets 8 consents and 8 token responses (no shared record to race on)")
	void oneCustomerApprovesManyRequestsOfOnePartnerAtOnce() throws Exception {
		FapiTestClient partner = newPartner();
		List<Tokens> tokens = Concurrently.times(8, () -> Tokens.obtain(partner));
		assertThat(tokens.stream().map(Tokens::consentId).distinct()).hasSize(8);
	}

}
