/**
 * The console's partner pages: the partners list (status filter, search), a partner's
 * page (software, redirect URIs, keys, policy, consents by state, recent activity), and
 * the approve, suspend, reactivate and revoke forms, each asking for a reason and saying
 * what it will do before {@code PartnerGovernance} does it.
 */
@NullMarked
package com.consentry.authz.admin.partners;

import org.jspecify.annotations.NullMarked;
