# catalog-service, JVM image. Build the fast-jar first (./mvnw -B -ntp package -DskipTests -pl catalog-service -am), then from the
# repository root: docker build -f deploy/docker/catalog-service.Dockerfile -t stackpulse/catalog-service:1.0.0-SNAPSHOT .
FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.21

ENV LANGUAGE='en_US:en'
# Extra JVM flags, given after deploy/jvm.options' (the flags the memory limits were sized with), so they add or override.
ENV JAVA_OPTS=""

# Layered like the fast-jar, dependencies first, so a code change rebuilds only the small top layers.
COPY --chown=185:185 catalog-service/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185:185 catalog-service/target/quarkus-app/*.jar /deployments/
COPY --chown=185:185 catalog-service/target/quarkus-app/app/ /deployments/app/
COPY --chown=185:185 catalog-service/target/quarkus-app/quarkus/ /deployments/quarkus/
# The JVM flags, one file for the images, ./stackpulse and the benchmark (read by java as an argument file).
COPY --chown=185:185 deploy/jvm.options /deployments/jvm.options

# Non-root (uid 185 is the image's "default" user); the process writes only to /tmp.
USER 185
WORKDIR /deployments
EXPOSE 8081
ENTRYPOINT ["/bin/sh", "-c", "exec java @/deployments/jvm.options $JAVA_OPTS -jar /deployments/quarkus-run.jar"]
