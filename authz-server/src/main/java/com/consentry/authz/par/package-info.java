/**
 * Pushed authorization requests (RFC 9126), the only way in (FAPI 2.0 SP §5.3.2.2):
 * Spring Authorization Server's PAR endpoint with our converter (DPoP key binding,
 * consent id), our rule list, and the consent recorded once the request is stored.
 */
@NullMarked
package com.consentry.authz.par;

import org.jspecify.annotations.NullMarked;
