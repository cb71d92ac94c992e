/**
 * What the authorization server does when the registry changes a partner: a deleted
 * partner's consents are revoked in the deletion's own transaction.
 */
@NullMarked
package com.consentry.authz.partner;

import org.jspecify.annotations.NullMarked;
