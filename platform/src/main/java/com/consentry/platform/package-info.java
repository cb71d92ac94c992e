/**
 * The whole platform on one machine: starts the deployables as processes of their own.
 */
@NullMarked
package com.consentry.platform;

import org.jspecify.annotations.NullMarked;
