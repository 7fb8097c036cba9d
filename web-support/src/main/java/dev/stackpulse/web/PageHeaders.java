package dev.stackpulse.web;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The browser-facing safety headers on every response of the API port (pages, their scripts and the JSON they
 * read): a Content-Security-Policy without inline script, no MIME sniffing, no framing, no referrer to other sites.
 */
@ApplicationScoped
public class PageHeaders {

    private final String policy;

    public PageHeaders(PagesConfig config) {
        this.policy = config.contentSecurityPolicy();
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> {
                MultiMap headers = ctx.response().headers();
                headers.set("Content-Security-Policy", policy);
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "same-origin");
            });
            ctx.next();
        });
    }
}
