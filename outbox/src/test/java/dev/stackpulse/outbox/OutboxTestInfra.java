package dev.stackpulse.outbox;

import dev.stackpulse.testing.InfraTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** The outbox tests run against a real PostgreSQL database "outbox" and a real broker. */
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "outbox"),
        scope = TestResourceScope.GLOBAL)
public class OutboxTestInfra {
}
