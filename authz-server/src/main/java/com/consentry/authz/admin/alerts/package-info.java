/**
 * The console's page of the resource gateway's anomaly alerts: each alert with its
 * evidence, the partners throttled by one and the suspensions asked for, applied here,
 * and the admin's review (clearing a throttle, lifting a suspension).
 */
@NullMarked
package com.consentry.authz.admin.alerts;

import org.jspecify.annotations.NullMarked;
