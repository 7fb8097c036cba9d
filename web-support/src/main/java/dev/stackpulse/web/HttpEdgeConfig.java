package dev.stackpulse.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/** Settings of the HTTP edge every service shares (environment: STACKPULSE_HTTP_*, or as each service maps it). */
@ConfigMapping(prefix = "stackpulse.http")
public interface HttpEdgeConfig {

    /** Public base URL absolute links start with (e.g. https://api.example.org); unset: relative links, never Host. */
    Optional<URI> publicBaseUrl();

    /** Longest request URI (path and query) answered; longer is a 414 problem. Keep the Netty line limit above. */
    @WithDefault("4096")
    int maxUriLength();

    /** Largest total size in bytes of the request's header lines; larger is a 431 problem. Netty's limit above. */
    @WithDefault("20480")
    int maxHeaderSize();
}
