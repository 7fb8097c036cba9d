package dev.stackpulse.catalog;

import dev.stackpulse.web.HttpEdge;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Starts the service; web-support's HttpEdge first takes over URI validation, so bad URIs get a problem body. */
@QuarkusMain
public final class Main {

    public static void main(String... args) {
        HttpEdge.beforeStart();
        Quarkus.run(args);
    }
}
