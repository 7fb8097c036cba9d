package dev.stackpulse.outbox;

import dev.stackpulse.events.CloudEventHeaders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox events to Kafka in commit-position order and marks them sent. Woken right after
 * each commit, and by a timer as a fallback (Kafka down, another replica held the lock). One relay at a time
 * per database (advisory lock), so events of one entity leave in order even with several replicas.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LOCK_KEY = 0x5354_4b50_4f42L; // "STKPOB"

    private final EntityManager em;
    private final OutboxConfig config;
    private final OutboxMetrics metrics;
    private final MutinyEmitter<String> emitter;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(EntityManager em, OutboxConfig config, OutboxMetrics metrics,
                       @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                       MutinyEmitter<String> emitter) {
        this.em = em;
        this.config = config;
        this.metrics = metrics;
        this.emitter = emitter;
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp.release();
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wakeUp.release();
    }

    private void loop() {
        while (running) {
            try {
                wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (running && publishBatch() == config.batchSize()) {
                    // a full batch: more are waiting, go on without waiting for a wake-up
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay: %s (will retry)", e.toString());
            }
        }
    }

    /** Publishes one batch; returns how many were published and marked. */
    int publishBatch() {
        int published = QuarkusTransaction.requiringNew().call(this::publishLocked);
        metrics.published(published);
        metrics.backlog(QuarkusTransaction.requiringNew().call(
                () -> OutboxEvent.count("publishedAt is null")));
        return published;
    }

    private int publishLocked() {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK_KEY).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxEvent> batch = OutboxEvent.<OutboxEvent>find("publishedAt is null order by seq")
                .page(0, config.batchSize()).list();
        if (batch.isEmpty()) {
            return 0;
        }
        // Send outside the transaction (it stays open, so the advisory lock holds): producer callbacks run on
        // Kafka's threads and must not join the JTA transaction.
        List<Boolean> acked = QuarkusTransaction.suspendingExisting().call(() -> send(batch));
        // Mark only the acknowledged prefix: a failed event and all after it are re-sent in order next time.
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int marked = 0;
        for (int i = 0; i < batch.size() && acked.get(i); i++) {
            batch.get(i).publishedAt = now;
            marked++;
        }
        if (marked < batch.size()) {
            LOG.warnf("outbox relay: %d of %d events not acknowledged by Kafka; retrying", batch.size() - marked,
                    batch.size());
        }
        return marked;
    }

    private List<Boolean> send(List<OutboxEvent> batch) {
        List<Uni<Boolean>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            Message<String> message = Message.of(event.data).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(event.topic)
                    .withKey(event.subject)
                    .withHeaders(CloudEventHeaders.write(event.toChangeEvent()))
                    .build());
            acks.add(emitter.sendMessage(message).replaceWith(true)
                    .onFailure().recoverWithItem(failure -> {
                        LOG.debugf("publish of %s failed: %s", event.eventId, failure.getMessage());
                        return false;
                    }));
        }
        return Uni.join().all(acks).andFailFast().await().atMost(config.sendTimeout().plusSeconds(5));
    }
}
