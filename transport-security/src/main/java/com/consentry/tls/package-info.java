/**
 * Transport security of every deployable: Spring Boot SSL bundles served by Tomcat
 * through BouncyCastle's JSSE provider under the FAPI 2.0 TLS policy
 * ({@link FapiTlsPolicy}), HSTS on every https response, the negotiated key-exchange
 * group in the logs and in the metric {@code consentry.tls.handshakes}, and the local
 * certificate authority of the platform's {@code tls} run
 * ({@link LocalCertificateAuthority}).
 */
@NullMarked
package com.consentry.tls;

import org.jspecify.annotations.NullMarked;
