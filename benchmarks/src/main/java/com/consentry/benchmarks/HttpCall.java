package com.consentry.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A closed-loop worker for {@link ScenarioRunner}: one prepared request per operation,
 * sent and read whole; anything but 200 fails with its status as the kind.
 */
final class HttpCall implements ScenarioRunner.Worker {

	private final HttpClient http;

	private final RequestSource requests;

	private final RequestBudget budget;

	HttpCall(HttpClient http, RequestSource requests, RequestBudget budget) {
		this.http = http;
		this.requests = requests;
		this.budget = budget;
	}

	@Override
	public void run(StepTimer steps) throws OperationFailed {
		HttpRequest request = this.requests.next();
		if (request == null) {
			throw new RequestBudget.Exhausted();
		}
		this.budget.take();
		HttpResponse<byte[]> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new OperationFailed(OpenLoop.failureKind(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OperationFailed("interrupted", ex);
		}
		if (response.statusCode() != 200) {
			throw new OperationFailed("status " + response.statusCode());
		}
	}

	@Override
	public long nonceRetries() {
		return 0;
	}

}
