package com.consentry.authz.authorization;

import org.jspecify.annotations.Nullable;

/**
 * What an authorization looked like when it was read: carried as an attribute through
 * Spring Authorization Server's grant providers, so that saving it again can tell a write
 * based on a stale read (a code or refresh token used twice at once) and what the write
 * adds.
 *
 * @param codeUsed whether the code had already been redeemed when read
 */
record StoredVersion(long version, @Nullable StoredToken code, @Nullable StoredToken accessToken,
		@Nullable StoredToken refreshToken, boolean codeUsed) {

	static final String ATTRIBUTE = StoredVersion.class.getName();

}
