package dev.stackpulse.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A minimal Server-Sent Events reader for tests: parses id/event/data/comments on a thread; close() drops it. */
public final class SseClient implements AutoCloseable {

    /** One dispatched event. */
    public record Event(String id, String name, String data) {
    }

    private final HttpURLConnection connection;
    private final List<Event> events = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final int status;
    private final String contentType;
    private final Thread reader;

    public SseClient(String url, Map<String, String> headers) throws IOException {
        connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestProperty("Accept", "text/event-stream");
        headers.forEach(connection::setRequestProperty);
        connection.setReadTimeout(0);
        status = connection.getResponseCode();
        contentType = connection.getContentType();
        reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        if (status == 200) {
            reader.start();
        }
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    /** A response header (e.g. Retry-After on a refused stream). */
    public String header(String name) {
        return connection.getHeaderField(name);
    }

    /** The error body when the stream was refused. */
    public String errorBody() throws IOException {
        return new String(connection.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    public synchronized List<String> comments() {
        return List.copyOf(comments);
    }

    public List<Long> ids() {
        return events().stream().filter(e -> e.id() != null).map(e -> Long.parseLong(e.id())).toList();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        synchronized (this) {
                            events.add(new Event(id, name, data.toString()));
                        }
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    synchronized (this) {
                        comments.add(line.substring(1).trim());
                    }
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
        } catch (IOException e) {
            // dropped by close() or by the server
        }
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
