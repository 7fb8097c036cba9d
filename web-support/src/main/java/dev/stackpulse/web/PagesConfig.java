package dev.stackpulse.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the web pages every service serves (environment: STACKPULSE_PAGES_*). */
@ConfigMapping(prefix = "stackpulse.pages")
public interface PagesConfig {

    /** Base URL of catalog-service's pages as a browser reaches them (empty: this origin). */
    @WithDefault("")
    String catalogUrl();

    /** Base URL of summit-service's pages as a browser reaches them (empty: this origin). */
    @WithDefault("")
    String summitUrl();

    /** Base URL of feed-service's pages as a browser reaches them (empty: this origin). */
    @WithDefault("")
    String feedUrl();

    /** Sent with every response of the API port: the pages load script, style and data from their own origin only. */
    @WithDefault("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
    String contentSecurityPolicy();
}
