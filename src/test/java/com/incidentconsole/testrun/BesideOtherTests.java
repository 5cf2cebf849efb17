package com.incidentconsole.testrun;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * A test class that may run on a second thread beside the others (src/test/resources/junit-platform.properties),
 * because it touches nothing process-wide: no JavaFX toolkit, no system property, no captured log, no fixed port,
 * no default locale or zone. Its own methods still run one after another, in one thread: many share a server per
 * class. Most of such a test is waiting on loopback sockets, and the UI tests beside it leave the second core idle.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(providers = BesideOtherTests.OwnClass.class)
public @interface BesideOtherTests {

    /**
     * A lock no other class takes: it serialises nothing between classes, but a class holding a lock has its
     * methods run on one thread (JUnit's rule for locked nodes), which is what a server shared per class needs.
     */
    final class OwnClass implements ResourceLocksProvider {
        @Override
        public Set<Lock> provideForClass(Class<?> testClass) {
            return Set.of(new Lock("class:" + testClass.getName()));
        }
    }
}
