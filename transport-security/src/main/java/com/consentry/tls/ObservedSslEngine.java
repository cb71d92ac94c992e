package com.consentry.tls;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BiFunction;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

import org.bouncycastle.jsse.BCSSLEngine;
import org.bouncycastle.jsse.BCSSLParameters;

/**
 * A BCJSSE server engine that offers the policy's key-exchange groups in the server's
 * order and tells {@link TlsHandshakes} when a handshake completes. SSLEngine has no
 * handshake listener (only SSLSocket does): the one sign is the {@code FINISHED} status
 * of the {@code wrap} or {@code unwrap} that completed it. The groups are set again after
 * every {@code setSSLParameters}: on Java 20 and later Tomcat passes the client's groups
 * there, in the client's order.
 */
final class ObservedSslEngine extends SSLEngine {

	private final SSLEngine engine;

	private final String[] namedGroups;

	private final TlsHandshakes handshakes;

	ObservedSslEngine(SSLEngine engine, String[] namedGroups, TlsHandshakes handshakes) {
		this.engine = engine;
		this.namedGroups = namedGroups;
		this.handshakes = handshakes;
		applyNamedGroups();
	}

	private void applyNamedGroups() {
		BCSSLEngine bouncyCastle = (BCSSLEngine) this.engine;
		BCSSLParameters parameters = bouncyCastle.getParameters();
		parameters.setNamedGroups(this.namedGroups);
		parameters.setUseNamedGroupsOrder(true);
		bouncyCastle.setParameters(parameters);
	}

	@Override
	public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
		return observed(this.engine.wrap(srcs, offset, length, dst));
	}

	@Override
	public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
		return observed(this.engine.unwrap(src, dsts, offset, length));
	}

	private SSLEngineResult observed(SSLEngineResult result) {
		if (result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.FINISHED) {
			this.handshakes.completed(this.engine);
		}
		return result;
	}

	@Override
	public Runnable getDelegatedTask() {
		return this.engine.getDelegatedTask();
	}

	@Override
	public void closeInbound() throws SSLException {
		this.engine.closeInbound();
	}

	@Override
	public boolean isInboundDone() {
		return this.engine.isInboundDone();
	}

	@Override
	public void closeOutbound() {
		this.engine.closeOutbound();
	}

	@Override
	public boolean isOutboundDone() {
		return this.engine.isOutboundDone();
	}

	@Override
	public String[] getSupportedCipherSuites() {
		return this.engine.getSupportedCipherSuites();
	}

	@Override
	public String[] getEnabledCipherSuites() {
		return this.engine.getEnabledCipherSuites();
	}

	@Override
	public void setEnabledCipherSuites(String[] suites) {
		this.engine.setEnabledCipherSuites(suites);
	}

	@Override
	public String[] getSupportedProtocols() {
		return this.engine.getSupportedProtocols();
	}

	@Override
	public String[] getEnabledProtocols() {
		return this.engine.getEnabledProtocols();
	}

	@Override
	public void setEnabledProtocols(String[] protocols) {
		this.engine.setEnabledProtocols(protocols);
	}

	@Override
	public SSLSession getSession() {
		return this.engine.getSession();
	}

	@Override
	public SSLSession getHandshakeSession() {
		return this.engine.getHandshakeSession();
	}

	@Override
	public void beginHandshake() throws SSLException {
		this.engine.beginHandshake();
	}

	@Override
	public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
		return this.engine.getHandshakeStatus();
	}

	@Override
	public void setUseClientMode(boolean mode) {
		this.engine.setUseClientMode(mode);
	}

	@Override
	public boolean getUseClientMode() {
		return this.engine.getUseClientMode();
	}

	@Override
	public void setNeedClientAuth(boolean need) {
		this.engine.setNeedClientAuth(need);
	}

	@Override
	public boolean getNeedClientAuth() {
		return this.engine.getNeedClientAuth();
	}

	@Override
	public void setWantClientAuth(boolean want) {
		this.engine.setWantClientAuth(want);
	}

	@Override
	public boolean getWantClientAuth() {
		return this.engine.getWantClientAuth();
	}

	@Override
	public void setEnableSessionCreation(boolean flag) {
		this.engine.setEnableSessionCreation(flag);
	}

	@Override
	public boolean getEnableSessionCreation() {
		return this.engine.getEnableSessionCreation();
	}

	@Override
	public SSLParameters getSSLParameters() {
		return this.engine.getSSLParameters();
	}

	@Override
	public void setSSLParameters(SSLParameters params) {
		this.engine.setSSLParameters(params);
		applyNamedGroups();
	}

	@Override
	public String getApplicationProtocol() {
		return this.engine.getApplicationProtocol();
	}

	@Override
	public String getHandshakeApplicationProtocol() {
		return this.engine.getHandshakeApplicationProtocol();
	}

	@Override
	public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
		this.engine.setHandshakeApplicationProtocolSelector(selector);
	}

	@Override
	public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
		return this.engine.getHandshakeApplicationProtocolSelector();
	}

}
