/**
 * The FDX consent API ({@code /fdx/v6/consents/...}, spec/fdx.md §1.3): the partner
 * holding a consent reads it, revokes it and reads its revocation history, with a
 * DPoP-bound access token of our own. Its own filter chain, its own error shape
 * ({@link com.consentry.authz.consentapi.FdxErrorResponse}), and an OpenAPI 3.1
 * description served at {@code /openapi/fdx-consent.yaml}.
 */
@NullMarked
package com.consentry.authz.consentapi;

import org.jspecify.annotations.NullMarked;
