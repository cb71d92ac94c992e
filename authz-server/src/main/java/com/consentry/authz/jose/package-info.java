/**
 * JOSE plumbing shared by every feature: signature algorithms allowed by FAPI 2.0,
 * signers and verifiers on the BouncyCastle provider for EC (an order of magnitude faster
 * than Java 17's SunEC), and the server's
 * {@link org.springframework.security.oauth2.jwt.JwtEncoder}.
 */
@NullMarked
package com.consentry.authz.jose;

import org.jspecify.annotations.NullMarked;
