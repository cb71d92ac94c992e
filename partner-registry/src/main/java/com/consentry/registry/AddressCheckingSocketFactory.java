package com.consentry.registry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;

import javax.net.ssl.SSLSocketFactory;

import org.springframework.util.Assert;

/**
 * The socket factory of every outbound call to a URL a partner or a directory named (a
 * {@code jwks_uri}, a {@code notification_uri}): it hands {@code HttpsURLConnection} a
 * plain socket that refuses, as it connects and so after DNS resolution, any address
 * {@link JwksRetriever#isPublic(InetAddress)} rejects, unless private addresses are
 * allowed (the default run, tests). TLS is then layered over it by the given factory,
 * with the URL's host name for SNI and certificate checks. Checking on the socket, on
 * every connection, also catches a name that resolves elsewhere the second time (DNS
 * rebinding).
 *
 * @see JwksRetriever
 */
public final class AddressCheckingSocketFactory extends SSLSocketFactory {

	private final SSLSocketFactory tls;

	private final boolean allowPrivateAddresses;

	/**
	 * @param tls the factory that layers TLS over the checked socket
	 * @param allowPrivateAddresses whether loopback, link-local, private and other
	 * non-public addresses may be connected to
	 */
	public AddressCheckingSocketFactory(SSLSocketFactory tls, boolean allowPrivateAddresses) {
		Assert.notNull(tls, "tls cannot be null");
		this.tls = tls;
		this.allowPrivateAddresses = allowPrivateAddresses;
	}

	@Override
	public Socket createSocket() {
		return new AddressCheckingSocket(this.allowPrivateAddresses);
	}

	@Override
	public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
		return this.tls.createSocket(socket, host, port, autoClose);
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port), host);
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return connected(new InetSocketAddress(host, port), host);
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port), host.getHostAddress());
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return connected(new InetSocketAddress(address, port), address.getHostAddress());
	}

	@Override
	public String[] getDefaultCipherSuites() {
		return this.tls.getDefaultCipherSuites();
	}

	@Override
	public String[] getSupportedCipherSuites() {
		return this.tls.getSupportedCipherSuites();
	}

	private Socket connected(InetSocketAddress endpoint, String host) throws IOException {
		Socket socket = createSocket();
		try {
			socket.connect(endpoint);
			return this.tls.createSocket(socket, host, endpoint.getPort(), true);
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

	private static void requirePublic(InetSocketAddress endpoint, boolean allowPrivateAddresses) throws IOException {
		if (endpoint.isUnresolved()) {
			throw new UnknownHostException(endpoint.getHostString());
		}
		if (!allowPrivateAddresses && !JwksRetriever.isPublic(endpoint.getAddress())) {
			throw new IOException("Refused to connect to a non-public address of " + endpoint.getHostString());
		}
	}

	private static final class AddressCheckingSocket extends Socket {

		private final boolean allowPrivateAddresses;

		AddressCheckingSocket(boolean allowPrivateAddresses) {
			this.allowPrivateAddresses = allowPrivateAddresses;
		}

		@Override
		public void connect(SocketAddress endpoint, int timeout) throws IOException {
			if (!(endpoint instanceof InetSocketAddress address)) {
				throw new IOException("Unsupported address type");
			}
			requirePublic(address, this.allowPrivateAddresses);
			super.connect(endpoint, timeout);
		}

	}

}
