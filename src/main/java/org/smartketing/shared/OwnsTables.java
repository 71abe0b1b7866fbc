package org.smartketing.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a part owns, on its {@code package-info.java}. Only the owning part's code and
 * migrations (named {@code V<n>__<part>_<what>.sql}) may name them; every other part asks the
 * owner's public face. {@code TableOwnershipTests} fails the build when a part's SQL names a table
 * another part owns, when a foreign key crosses parts, or when a table has no owner.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface OwnsTables {

    /** Table names as the migrations create them (lower case). */
    String[] value();
}
