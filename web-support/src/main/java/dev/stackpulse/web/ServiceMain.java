package dev.stackpulse.web;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Every service's main: HttpEdge takes over URI validation first, so a bad URI gets a problem body. */
@QuarkusMain
public final class ServiceMain {

    public static void main(String... args) {
        HttpEdge.beforeStart();
        Quarkus.run(args);
    }
}
