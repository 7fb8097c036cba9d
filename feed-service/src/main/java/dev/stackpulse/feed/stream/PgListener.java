package dev.stackpulse.feed.stream;

import dev.stackpulse.feed.config.FeedConfig;
import dev.stackpulse.feed.ingest.EventStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * LISTENs on the feed channel through the reactive client's {@link PgSubscriber} (one connection on a Vert.x event
 * loop, same settings as the datasource, reconnected after any loss) and wakes the hub on every NOTIFY: the ingest's
 * commit on any replica reaches every replica's subscribers within milliseconds. Every (re)subscription wakes the hub
 * too, and the hub reads everything after the last position it read, so a NOTIFY lost while disconnected loses nothing.
 */
@ApplicationScoped
public class PgListener {

    private static final Logger LOG = Logger.getLogger(PgListener.class);
    private static final String JDBC_PREFIX = "jdbc:";

    private final StreamHub hub;
    private final Vertx vertx;
    private final FeedConfig config;
    private final String url;
    private final String username;
    private final String password;
    private volatile boolean running;
    private volatile PgSubscriber subscriber;

    public PgListener(StreamHub hub, Vertx vertx, FeedConfig config,
                      @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                      @ConfigProperty(name = "quarkus.datasource.username") String username,
                      @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.hub = hub;
        this.vertx = vertx;
        this.config = config;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        PgConnectOptions options;
        try {
            // The datasource's JDBC URL (DB_URL) names the database; the reactive client reads the same URI without "jdbc:".
            options = PgConnectOptions.fromUri(url.startsWith(JDBC_PREFIX) ? url.substring(JDBC_PREFIX.length()) : url);
        } catch (RuntimeException e) {
            LOG.errorf("cannot LISTEN: %s is not a PostgreSQL URL the reactive client reads (%s); live streams wake"
                    + " only every feed.stream.fallback-poll", url, e.getMessage());
            return;
        }
        options.setUser(username).setPassword(password).setConnectTimeout(5000)
                .addProperty("application_name", "feed-service-listener");
        running = true;
        connect(options, config.stream().listenReconnect().toMillis());
    }

    /**
     * Connects a new subscriber; once connected, its reconnect policy covers every later loss. A first connection
     * that fails (the database is not up yet) is retried with a new subscriber, since a failed one does not retry.
     */
    private void connect(PgConnectOptions options, long delay) {
        PgSubscriber candidate = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> running ? delay : -1L);
        candidate.channel(EventStore.CHANNEL)
                .subscribeHandler(v -> hub.wake()) // after every (re)connect: whatever committed meanwhile
                .handler(payload -> hub.wake());
        subscriber = candidate;
        candidate.connect().onFailure(e -> {
            candidate.close();
            if (running) {
                LOG.warnf("LISTEN connection failed, retrying in %d ms: %s", delay, e.getMessage());
                vertx.setTimer(delay, t -> {
                    if (running) {
                        connect(options, delay);
                    }
                });
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
