package dev.stackpulse.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Fires {@link ChangeNotice} on this replica: after this replica's own commits (synchronously, before the write is
 * acknowledged), and for every other replica's commit from a LISTEN on the service's channel. The LISTEN runs on a
 * dedicated pgJDBC connection with the datasource's URL and credentials (same TLS settings as the pool). Losing that
 * connection fires {@link ChangeNotice#EVERYTHING} at once and again after it is back, since notices sent meanwhile
 * are lost; {@link #listening()} says whether notices from other replicas currently arrive.
 */
@ApplicationScoped
public class ChangeListener {

    private static final Logger LOG = Logger.getLogger(ChangeListener.class);

    private final ChangeNotices notices;
    private final ChangeNoticeConfig config;
    private final Event<ChangeNotice> event;
    private final String url;
    private final Properties properties = new Properties();
    private volatile boolean listening;
    private volatile Loop loop;

    public ChangeListener(ChangeNotices notices, ChangeNoticeConfig config, Event<ChangeNotice> event,
                          @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                          @ConfigProperty(name = "quarkus.datasource.username") String username,
                          @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.notices = notices;
        this.config = config;
        this.event = event;
        this.url = url;
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", notices.channel() + "-listener");
    }

    /** Whether the LISTEN connection is up, so other replicas' commits reach this one within milliseconds. */
    public boolean listening() {
        return listening;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticeOnCommit committed) {
        fire(committed.notice());
    }

    void start(@Observes StartupEvent startup) {
        if (notices.enabled()) {
            loop = start(notices, config, url, properties, this::fire, up -> listening = up);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (loop != null) {
            loop.close();
        }
    }

    /**
     * Starts a LISTEN loop on its own daemon thread (the bean's, or a second one in tests standing for another
     * replica): notices from other processes go to {@code sink}, {@code state} learns each connect and loss.
     */
    static Loop start(ChangeNotices notices, ChangeNoticeConfig config, String url, Properties properties,
                      Consumer<ChangeNotice> sink, Consumer<Boolean> state) {
        Loop loop = new Loop(notices, config, url, properties, sink, state);
        Thread thread = new Thread(loop, "change-listener");
        thread.setDaemon(true);
        loop.thread = thread;
        thread.start();
        return loop;
    }

    private void fire(ChangeNotice notice) {
        try {
            event.fire(notice);
        } catch (RuntimeException e) {
            LOG.errorf(e, "a ChangeNotice observer failed on %s", notice);
        }
    }

    /** One LISTEN connection, re-opened whenever it is lost. */
    static final class Loop implements Runnable, AutoCloseable {

        private final ChangeNotices notices;
        private final ChangeNoticeConfig config;
        private final String url;
        private final Properties properties;
        private final Consumer<ChangeNotice> sink;
        private final Consumer<Boolean> state;
        private volatile boolean running = true;
        private volatile Thread thread;

        Loop(ChangeNotices notices, ChangeNoticeConfig config, String url, Properties properties,
             Consumer<ChangeNotice> sink, Consumer<Boolean> state) {
            this.notices = notices;
            this.config = config;
            this.url = url;
            this.properties = properties;
            this.sink = sink;
            this.state = state;
        }

        @Override
        public void run() {
            Duration delay = config.reconnectDelay();
            while (running) {
                try (Connection connection = new org.postgresql.Driver().connect(url, properties)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("LISTEN \"" + notices.channel().replace("\"", "\"\"") + "\"");
                    }
                    state.accept(true);
                    // Whatever committed before this LISTEN took effect was not announced to this replica.
                    sink.accept(ChangeNotice.EVERYTHING);
                    delay = config.reconnectDelay();
                    PGConnection pg = connection.unwrap(PGConnection.class);
                    int heartbeat = (int) Math.max(1, config.heartbeat().toMillis());
                    while (running) {
                        PGNotification[] received = pg.getNotifications(heartbeat);
                        if (received == null || received.length == 0) {
                            if (!connection.isValid(5)) {
                                throw new SQLException("LISTEN connection no longer valid");
                            }
                            continue;
                        }
                        for (PGNotification notification : received) {
                            notices.fromPayload(notification.getParameter()).ifPresent(sink);
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    if (!running) {
                        break;
                    }
                    state.accept(false);
                    sink.accept(ChangeNotice.EVERYTHING);
                    LOG.warnf("LISTEN %s lost, reconnecting in %s: %s", notices.channel(), delay, e.getMessage());
                    if (!pause(delay)) {
                        break;
                    }
                    delay = min(delay.multipliedBy(2), config.reconnectDelay().multipliedBy(10));
                }
            }
            state.accept(false);
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }

        private boolean pause(Duration delay) {
            try {
                Thread.sleep(delay.toMillis()); // back-off between reconnect attempts, not synchronization
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void close() {
            running = false;
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }
    }
}
