package dev.stackpulse.catalog;

import dev.stackpulse.testing.InfraTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every @QuarkusTest of this module runs against a real PostgreSQL database "catalog" and a real broker. */
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"),
        scope = TestResourceScope.GLOBAL)
public class CatalogTestInfra {
}
