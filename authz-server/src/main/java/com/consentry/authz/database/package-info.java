/**
 * Where the database comes from and how it is migrated. Without
 * {@code spring.datasource.url} the default run and the tests get a real embedded
 * PostgreSQL (optional dependency, absent from the packaged jar, which then refuses to
 * start without a database); Flyway applies {@code db/migrations} from the class path
 * over connections of its own, so its session settings never reach the request pool.
 */
@NullMarked
package com.consentry.authz.database;

import org.jspecify.annotations.NullMarked;
