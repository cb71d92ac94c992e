package com.consentry.authz.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

import com.consentry.registry.AddressCheckingSocketFactory;

import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * POSTs a signed event to a partner's {@code notification_uri} without becoming a tool
 * for server-side request forgery: {@code https} only, the registry's address policy
 * checked on the socket as it connects (no loopback, private or other non-public address
 * unless {@link NotificationProperties#allowPrivateAddresses() allowed}), no redirects
 * followed, bounded connect and read timeouts, and nothing of the answer read but its
 * status (and at most a few bytes, to free the connection).
 *
 * @see AddressCheckingSocketFactory
 */
@Component
class PartnerEndpoints {

	private static final int MAX_DRAINED_BYTES = 4096;

	private final SSLSocketFactory sockets;

	private final int connectTimeoutMillis;

	private final int readTimeoutMillis;

	PartnerEndpoints(NotificationProperties properties, SslBundles bundles) {
		Assert.notNull(properties, "properties cannot be null");
		Assert.notNull(bundles, "bundles cannot be null");
		SSLSocketFactory tls = (properties.sslBundle() != null)
				? bundles.getBundle(properties.sslBundle()).createSslContext().getSocketFactory()
				: (SSLSocketFactory) SSLSocketFactory.getDefault();
		this.sockets = new AddressCheckingSocketFactory(tls, properties.allowPrivateAddresses());
		this.connectTimeoutMillis = Math.toIntExact(properties.connectTimeout().toMillis());
		this.readTimeoutMillis = Math.toIntExact(properties.readTimeout().toMillis());
	}

	/**
	 * POSTs {@code jws} as {@code application/jwt}.
	 * @return the HTTP status of the answer
	 * @throws IOException when the URI is not https, the address is refused, the
	 * connection fails or the partner is too slow
	 */
	int post(String notificationUri, String jws) throws IOException {
		URL url = httpsUrl(notificationUri);
		HttpsURLConnection connection = (HttpsURLConnection) url.openConnection();
		try {
			connection.setSSLSocketFactory(this.sockets);
			// a redirect could lead anywhere: it is the failed attempt it is, never
			// followed
			connection.setInstanceFollowRedirects(false);
			connection.setConnectTimeout(this.connectTimeoutMillis);
			connection.setReadTimeout(this.readTimeoutMillis);
			connection.setUseCaches(false);
			connection.setRequestMethod("POST");
			connection.setDoOutput(true);
			connection.setRequestProperty("Content-Type", ConsentEventClaims.MEDIA_TYPE);
			byte[] body = jws.getBytes(StandardCharsets.US_ASCII);
			connection.setFixedLengthStreamingMode(body.length);
			try (OutputStream out = connection.getOutputStream()) {
				out.write(body);
			}
			int status = connection.getResponseCode();
			drain(connection, status);
			return status;
		}
		finally {
			connection.disconnect();
		}
	}

	private static URL httpsUrl(String notificationUri) throws IOException {
		try {
			URI uri = new URI(notificationUri);
			if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
				throw new IOException("Only https URLs with a host are called");
			}
			return uri.toURL();
		}
		catch (URISyntaxException ex) {
			throw new IOException("Not a URI", ex);
		}
	}

	private static void drain(HttpURLConnection connection, int status) throws IOException {
		InputStream answer = (status >= 400) ? connection.getErrorStream() : connection.getInputStream();
		if (answer != null) {
			try (answer) {
				answer.readNBytes(MAX_DRAINED_BYTES);
			}
		}
	}

}
