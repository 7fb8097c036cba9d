package dev.stackpulse.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * The wire form of change notices: the channel a service's writes NOTIFY on and the payload
 * {@code <origin>|<version>|<entity>|<subject>}, where origin identifies the writing process (which already
 * fired the notice after its commit and skips its own NOTIFY).
 */
@ApplicationScoped
public class ChangeNotices {

    /** This process: a replica skips the NOTIFYs its own commits sent. */
    private final String origin = UUID.randomUUID().toString();
    private final String channel;
    private final boolean enabled;

    public ChangeNotices(ChangeNoticeConfig config, OutboxConfig outbox) {
        this.channel = config.channel().orElse(outbox.service().replace('-', '_') + "_changes");
        this.enabled = config.enabled();
    }

    /** The NOTIFY channel of this service's changes. */
    public String channel() {
        return channel;
    }

    /** Whether writes NOTIFY and this replica listens. */
    public boolean enabled() {
        return enabled;
    }

    String origin() {
        return origin;
    }

    /** The NOTIFY payload of a notice sent by this process. */
    String payload(ChangeNotice notice) {
        return origin + '|' + notice.version() + '|' + notice.entity() + '|' + notice.subject();
    }

    /** The notice a payload carries, empty if it is malformed or came from this process. */
    Optional<ChangeNotice> fromPayload(String payload) {
        String[] parts = payload.split("\\|", 4);
        if (parts.length != 4 || origin.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ChangeNotice(parts[2], parts[3], Long.parseLong(parts[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
