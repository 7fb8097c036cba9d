package dev.stackpulse.outbox;

import dev.stackpulse.testing.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The outbox tests run against a real PostgreSQL database "outbox" and a real broker. */
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "outbox"))
public class OutboxTestInfra {
}
