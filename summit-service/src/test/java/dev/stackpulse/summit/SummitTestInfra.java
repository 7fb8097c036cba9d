package dev.stackpulse.summit;

import dev.stackpulse.testing.InfraTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of this module runs against a real PostgreSQL database "summit" and a real broker. */
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "summit"))
public class SummitTestInfra {
}
