/**
 * FDX v6 statements (spec/fdx.md §3): the monthly statements of an account, and each one
 * as a generated PDF.
 */
@NullMarked
package com.consentry.sandbox.statements;

import org.jspecify.annotations.NullMarked;
