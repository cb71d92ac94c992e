package com.consentry.benchmarks;

/**
 * One thread running complete authorization flows back to back, each with a new browser
 * session.
 */
final class FlowLoop implements ScenarioRunner.Worker {

	private final AuthorizationFlow flow;

	private final DpopSession dpop;

	FlowLoop(AuthorizationFlow flow, DpopSession dpop) {
		this.flow = flow;
		this.dpop = dpop;
	}

	@Override
	public void run(StepTimer steps) throws OperationFailed {
		this.flow.run(steps);
	}

	@Override
	public long nonceRetries() {
		return this.dpop.nonceRetries();
	}

}
