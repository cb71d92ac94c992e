/**
 * Behavioural anomaly detection per partner: a baseline learned from the partner's own
 * traffic (requests, denials, endpoint mix and accounts per consent per hour, by hour of
 * day and day type, merged over every gateway instance), deviations scored with a robust
 * statistic ({@link RobustScore}), detectors for account-id enumeration, off-hours
 * bursts, volume spikes, an unusual endpoint mix, a consent reading unusually many
 * accounts and a new DPoP key used in a burst, and the configured response (alert,
 * throttle, suspension requested for review).
 */
@NullMarked
package com.consentry.gateway.anomaly;

import org.jspecify.annotations.NullMarked;
