package dev.stackpulse.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.events.TraceContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.hibernate.Session;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Records a change event in the caller's transaction: it commits with the change or not at all. */
@ApplicationScoped
public class OutboxWriter {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final OutboxConfig config;
    private final Event<OutboxWritten> written;
    private final ChangeNotices notices;
    private final Event<NoticeOnCommit> committed;

    public OutboxWriter(EntityManager em, ObjectMapper mapper, OutboxConfig config, Event<OutboxWritten> written,
                        ChangeNotices notices, Event<NoticeOnCommit> committed) {
        this.em = em;
        this.mapper = mapper;
        this.config = config;
        this.written = written;
        this.notices = notices;
        this.committed = committed;
    }

    /**
     * Records one change of one entity. The state is read after flushing, so it carries the new version; a
     * delete carries the last state and version + 1, so consumers see it as newer than the last update.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChangeEvent record(String entity, String subject, ChangeKind kind, Supplier<? extends Versioned> state) {
        // Flush first: the entity's row lock is taken before the outbox position, so one entity's events keep order.
        em.flush();
        Versioned after = state.get();
        long version = kind == ChangeKind.DELETED ? after.version() + 1 : after.version();
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.randomUUID();
        row.topic = config.topic();
        row.source = ChangeEvent.source(config.service());
        row.type = ChangeEvent.type(servicePrefix(), entity, kind);
        row.subject = subject;
        row.entityVersion = version;
        row.occurredAt = dev.stackpulse.events.Rfc3339.now();
        row.data = json(after);
        TraceContext trace = currentTrace();
        row.traceparent = trace == null ? null : trace.traceparent();
        row.tracestate = trace == null ? null : trace.tracestate();
        em.persist(row);
        written.fire(new OutboxWritten(row.topic));
        notify(new ChangeNotice(entity, subject, version));
        return row.toChangeEvent();
    }

    /**
     * Announces the change to every replica: a NOTIFY in this transaction (PostgreSQL delivers it at commit, never
     * on rollback) and, on this replica, the ChangeNotice fired right after commit.
     */
    private void notify(ChangeNotice notice) {
        if (notices.enabled()) {
            String payload = notices.payload(notice);
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                    notify.setString(1, notices.channel());
                    notify.setString(2, payload);
                    notify.execute();
                }
            });
        }
        committed.fire(new NoticeOnCommit(notice));
    }

    /** The current span's W3C context (the writer's request), as the propagator writes it; null when not traced. */
    private static TraceContext currentTrace() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return TraceContext.of(carrier.get("traceparent"), carrier.get("tracestate")).orElse(null);
    }

    private String servicePrefix() {
        String service = config.service();
        int dash = service.indexOf('-');
        return dash < 0 ? service : service.substring(0, dash);
    }

    private String json(Object state) {
        try {
            return mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event state is not serializable: " + state.getClass().getName(), e);
        }
    }
}
