package com.consentry.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.oauth2.sdk.token.AccessToken;
import org.jspecify.annotations.Nullable;

/**
 * Gateway requests made before a run, each with the access token and a DPoP proof of its
 * own (new {@code jti}, {@code ath} of the token, {@code htm} GET, {@code htu} the
 * gateway's URL of the endpoint), so that no signature is made in the measured path.
 * Handed out once each, from any thread.
 * <p>
 * The gateway accepts a proof for 60 s after its {@code iat} (and each {@code jti} once),
 * so a deck is made right before the run that uses it.
 */
final class ProofDeck implements RequestSource {

	static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

	private final HttpRequest[] requests;

	private final AtomicInteger next = new AtomicInteger();

	private ProofDeck(HttpRequest[] requests) {
		this.requests = requests;
	}

	/**
	 * Makes {@code count} requests, signing on every core (the platform is idle between
	 * runs).
	 */
	static ProofDeck make(DpopSession dpop, AccessToken token, URI url, URI htu, int count)
			throws InterruptedException {
		HttpRequest[] requests = new HttpRequest[count];
		String authorization = "DPoP " + token.getValue();
		int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
		AtomicInteger index = new AtomicInteger();
		List<Thread> signers = new ArrayList<>();
		RuntimeException[] failure = new RuntimeException[1];
		for (int t = 0; t < threads; t++) {
			Thread signer = new Thread(() -> {
				try {
					for (int i = index.getAndIncrement(); i < count; i = index.getAndIncrement()) {
						requests[i] = HttpRequest.newBuilder(url)
							.GET()
							.timeout(REQUEST_TIMEOUT)
							.header("Authorization", authorization)
							.header("DPoP", dpop.resourceProof("GET", htu, token).serialize())
							.build();
					}
				}
				catch (RuntimeException ex) {
					failure[0] = ex;
				}
			}, "proof-signer-" + t);
			signers.add(signer);
			signer.start();
		}
		for (Thread signer : signers) {
			signer.join();
		}
		if (failure[0] != null) {
			throw failure[0];
		}
		return new ProofDeck(requests);
	}

	@Override
	public @Nullable HttpRequest next() {
		int i = this.next.getAndIncrement();
		return (i < this.requests.length) ? this.requests[i] : null;
	}

	int size() {
		return this.requests.length;
	}

	int used() {
		return Math.min(this.next.get(), this.requests.length);
	}

}
