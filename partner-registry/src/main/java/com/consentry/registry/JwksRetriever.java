package com.consentry.registry;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URL;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLSocketFactory;

import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;

import org.springframework.util.Assert;

/**
 * Fetches a JWKS from a URL that a partner or a directory named, without becoming a tool
 * for server-side request forgery: {@code https} only, only hosts on the allow-list (when
 * there is one), never to a loopback, link-local, private (RFC 1918, {@code fc00::/7}),
 * unspecified or multicast address unless
 * {@link RegistryProperties.JwksFetch#allowPrivateAddresses() allowed}, and no redirects.
 * The address is checked on the socket as it connects, after DNS resolution and on every
 * fetch, so a name that resolves elsewhere the second time (DNS rebinding) is caught too.
 * Short timeouts and a size limit bound each fetch.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-5">RFC 7591 §5
 * (jwks_uri)</a>
 * @see <a href=
 * "https://openid.net/specs/fapi-security-profile-2_0-final.html#section-5.4.2">FAPI 2.0
 * SP §5.4.2</a>
 */
public final class JwksRetriever extends DefaultResourceRetriever {

	private final RegistryProperties.JwksFetch policy;

	/**
	 * @param policy the hosts and addresses that may be fetched from
	 * @param connectTimeoutMillis the connect timeout
	 * @param readTimeoutMillis the read timeout
	 * @param sizeLimit the largest response read, in bytes
	 */
	public JwksRetriever(RegistryProperties.JwksFetch policy, int connectTimeoutMillis, int readTimeoutMillis,
			int sizeLimit) {
		super(connectTimeoutMillis, readTimeoutMillis, sizeLimit, true, new AddressCheckingSocketFactory(
				(SSLSocketFactory) SSLSocketFactory.getDefault(), policy.allowPrivateAddresses()));
		this.policy = policy;
	}

	/**
	 * @throws IOException when the URL is not {@code https}, its host is not allowed, it
	 * resolves to an address that is not, the server redirects or errs, or the answer is
	 * too large or too slow
	 */
	@Override
	public Resource retrieveResource(URL url) throws IOException {
		Assert.notNull(url, "url cannot be null");
		if (!"https".equalsIgnoreCase(url.getProtocol()) || url.getHost().isEmpty() || url.getUserInfo() != null) {
			throw new IOException("Only https URLs with a host are fetched");
		}
		List<String> allowedHosts = this.policy.allowedHosts();
		if (!allowedHosts.isEmpty() && !allowedHosts.contains(url.getHost().toLowerCase(Locale.ROOT))) {
			throw new IOException("Host " + url.getHost() + " is not on the JWKS host allow-list");
		}
		return super.retrieveResource(url);
	}

	/**
	 * A redirect could lead anywhere: it is answered as the error it is here, never
	 * followed.
	 */
	@Override
	protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
		HttpURLConnection connection = super.openHTTPConnection(url);
		connection.setInstanceFollowRedirects(false);
		return connection;
	}

	/**
	 * Whether an address is one a public JWKS may live at: not loopback, link-local,
	 * private (RFC 1918, {@code fc00::/7}, and the shared {@code 100.64.0.0/10}),
	 * unspecified, multicast or reserved, also when embedded in an IPv6 address
	 * (IPv4-mapped, NAT64 {@code 64:ff9b::/96}).
	 */
	public static boolean isPublic(InetAddress address) {
		Assert.notNull(address, "address cannot be null");
		if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			// 0.0.0.0/8 this network, 100.64.0.0/10 shared (carrier NAT), 240.0.0.0/4
			// reserved and broadcast
			return first != 0 && !(first == 100 && (second & 0xc0) == 64) && first < 240;
		}
		if (address instanceof Inet6Address) {
			if ((bytes[0] & 0xfe) == 0xfc) {
				// RFC 4193 unique local addresses, fc00::/7
				return false;
			}
			if (isNat64(bytes)) {
				return isPublic(embeddedIpv4(bytes));
			}
		}
		return true;
	}

	private static boolean isNat64(byte[] bytes) {
		byte[] prefix = { 0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 };
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static InetAddress embeddedIpv4(byte[] bytes) {
		try {
			return InetAddress.getByAddress(new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] });
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
