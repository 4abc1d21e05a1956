package org.frontdoor.support.problem;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that takes no request body (an ops action named by its path alone). A body sent to it is refused
 * with 415 by {@link NoRequestBodyFilter} rather than ignored: a client that sends one has misread the API, and an
 * operation that silently accepts anything is what a hostile-input scan flags.
 */
@NameBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface NoRequestBody {
}
