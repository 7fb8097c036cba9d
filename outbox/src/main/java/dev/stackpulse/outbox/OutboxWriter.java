package dev.stackpulse.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.ChangeKind;
import dev.stackpulse.events.Rfc3339;
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

    private static final String INSERT = "INSERT INTO outbox_event (event_id, topic, source, type, subject, "
            + "entity_version, occurred_at, data, traceparent, tracestate) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)";
    /** A data-modifying CTE runs exactly once; the NOTIFY is sent once, for the row it inserted. */
    private static final String INSERT_AND_NOTIFY = "WITH recorded AS (" + INSERT + " RETURNING seq) "
            + "SELECT pg_notify(?, ?) FROM recorded";

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
        TraceContext trace = currentTrace();
        ChangeEvent event = new ChangeEvent(UUID.randomUUID(), ChangeEvent.source(config.service()),
                ChangeEvent.type(servicePrefix(), entity, kind), subject, Rfc3339.now(),
                version, json(after));
        ChangeNotice notice = new ChangeNotice(entity, subject, version);
        insert(event, trace, notice);
        written.fire(new OutboxWritten(config.topic()));
        committed.fire(new NoticeOnCommit(notice));
        return event;
    }

    /**
     * The outbox row and, when notices are on, its NOTIFY (PostgreSQL delivers it at commit, never on rollback) in
     * one statement on the transaction's connection: one round trip, no entity bookkeeping on the write path.
     */
    private void insert(ChangeEvent event, TraceContext trace, ChangeNotice notice) {
        boolean notify = notices.enabled();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(notify ? INSERT_AND_NOTIFY : INSERT)) {
                insert.setObject(1, event.id());
                insert.setString(2, config.topic());
                insert.setString(3, event.source());
                insert.setString(4, event.type());
                insert.setString(5, event.subject());
                insert.setLong(6, event.entityVersion());
                insert.setObject(7, event.time());
                insert.setString(8, event.data());
                insert.setString(9, trace == null ? null : trace.traceparent());
                insert.setString(10, trace == null ? null : trace.tracestate());
                if (notify) {
                    insert.setString(11, notices.channel());
                    insert.setString(12, notices.payload(notice));
                }
                insert.execute();
            }
        });
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
