package dev.stackpulse.catalog.support;

import dev.stackpulse.web.Versions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Initializes jakarta.ws.rs.core.EntityTag (and its RuntimeDelegate lookup) once at startup on the main thread.
 * Under test class loading, a first initialization inside a request once failed ("RuntimeDelegateImpl not a
 * subtype") and left the class unusable for the JVM; doing it here, with the application's class loader, avoids
 * that race.
 */
@ApplicationScoped
public class JaxRsWarmUp {

    private static final Logger LOG = Logger.getLogger(JaxRsWarmUp.class);

    void warmUp(@Observes StartupEvent startup) {
        try {
            Versions.etag(0);
        } catch (LinkageError e) {
            LOG.warnf("could not initialize ETag support at startup: %s", e.getMessage());
        }
    }
}
