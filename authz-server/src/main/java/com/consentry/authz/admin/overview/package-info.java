/**
 * The console's overview: partners by status, consents granted and revoked per day,
 * access tokens issued per partner, as charts drawn on the server (inline SVG, no
 * script), and the per-instance counting of issued tokens behind the last one.
 */
@NullMarked
package com.consentry.authz.admin.overview;

import org.jspecify.annotations.NullMarked;
