// Stack Pulse benchmark load generator (single-file Java program, run by bench/run with the Kafka client jars and
// event-contract on the class path). Each command prints ONE JSON object on stdout; raw samples go to CSV files.
//
//   java -cp ... bench/Bench.java <command> key=value ...
//
// Commands: setup (create the bench projects), writes (closed-loop PUT throughput), latency (write ack -> SSE
// arrival at a fixed rate), fanout (N SSE subscribers, every event to every one), kafka (raw produce -> consume
// latency), produce (N contract-conforming CloudEvents straight to catalog.events), catchup-pages, catchup-sse,
// head (the feed's newest position), delete (remove prefix0..n-1), outage (broker outage: writes while it is down,
// then time the outbox drain), producer-rate (raw producer rate on the broker), ingest (produce N events, time the
// feed's ingest of them, then a raw consumer's read of the same records).

import dev.stackpulse.events.ChangeEvent;
import dev.stackpulse.events.CloudEventHeaders;
import dev.stackpulse.events.Topics;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class Bench {

    static final Pattern HEAD = Pattern.compile("\"head\"\\s*:\\s*(\\d+)");
    /** The feed position a page's next link continues after ({"items":[...],"limit":500,"next":"/feed?after=42&limit=500"}). */
    static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"[^\"]*[?&]after=(\\d+)");
    static final Pattern POSITION = Pattern.compile("\"position\"\\s*:\\s*(\\d+)");

    final Map<String, String> opts = new HashMap<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(4)).build();

    public static void main(String[] args) throws Exception {
        Bench b = new Bench();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            b.opts.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        String json = switch (args[0]) {
            case "setup" -> b.setup();
            case "writes" -> b.writes();
            case "latency" -> b.latency();
            case "fanout" -> b.fanout();
            case "kafka" -> b.kafka();
            case "produce" -> b.produce();
            case "catchup-pages" -> b.catchupPages();
            case "catchup-sse" -> b.catchupSse();
            case "head" -> "{\"head\":" + b.head() + "}";
            case "delete" -> b.delete();
            case "outage" -> b.outage();
            case "producer-rate" -> b.producerRate();
            case "ingest" -> b.ingest();
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        };
        System.out.println(json);
        System.out.flush();
        System.exit(0);
    }

    String opt(String key, String def) {
        return opts.getOrDefault(key, def);
    }

    int intOpt(String key, int def) {
        return Integer.parseInt(opt(key, Integer.toString(def)));
    }

    static void log(String msg) {
        System.err.println("[bench] " + msg);
    }

    // ---------------------------------------------------------------- catalog writes

    String slug(int i) {
        return opt("prefix", "bench-w-") + i;
    }

    String body(String slug, String marker) {
        return "{\"slug\":\"" + slug + "\",\"name\":\"Bench " + slug + "\",\"serviceName\":\"Benchmark service\","
                + "\"serviceType\":\"benchmark\",\"tier\":\"optional\",\"descriptionEn\":\"" + marker + "\"}";
    }

    HttpRequest put(String catalog, String token, String slug, String marker) {
        return HttpRequest.newBuilder(URI.create(catalog + "/projects/" + slug)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body(slug, marker))).build();
    }

    /** Creates prefix0..prefix(n-1) if missing (409 = already there), 8 requests at a time. */
    String setup() throws Exception {
        String catalog = opt("catalog", "http://127.0.0.1:8081");
        String token = opt("token", "");
        int n = intOpt("projects", 64);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger existing = new AtomicInteger();
        forEach(n, i -> {
            HttpRequest req = HttpRequest.newBuilder(URI.create(catalog + "/projects")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(slug(i), "bench setup"))).build();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 201) {
                created.incrementAndGet();
            } else if (r.statusCode() == 409) {
                existing.incrementAndGet();
            } else {
                throw new IllegalStateException("POST /projects " + slug(i) + " -> " + r.statusCode() + " " + r.body());
            }
        });
        return "{\"created\":" + created + ",\"existing\":" + existing + "}";
    }

    /** Deletes prefix0..prefix(n-1) (404 = not there); needs an admin token. */
    String delete() throws Exception {
        String catalog = opt("catalog", "http://127.0.0.1:8081");
        String token = opt("token", "");
        int n = intOpt("projects", 64);
        AtomicInteger deleted = new AtomicInteger();
        AtomicInteger absent = new AtomicInteger();
        forEach(n, i -> {
            HttpRequest req = HttpRequest.newBuilder(URI.create(catalog + "/projects/" + slug(i)))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).DELETE().build();
            int status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 204) {
                deleted.incrementAndGet();
            } else if (status == 404) {
                absent.incrementAndGet();
            } else {
                throw new IllegalStateException("DELETE /projects/" + slug(i) + " -> " + status);
            }
        });
        return "{\"deleted\":" + deleted + ",\"absent\":" + absent + "}";
    }

    interface IndexTask {
        void run(int i) throws Exception;
    }

    /** Runs task(0..n-1) on 8 threads; the first failure is rethrown after all have finished. */
    static void forEach(int n, IndexTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> {
                task.run(k);
                return null;
            }));
        }
        pool.shutdown();
        Exception first = null;
        for (java.util.concurrent.Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (first == null) {
                    first = (Exception) e.getCause();
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Closed loop: `concurrency` workers, each PUTs its own project as fast as acknowledged, for `seconds`. */
    String writes() throws Exception {
        String catalog = opt("catalog", "http://127.0.0.1:8081");
        String token = opt("token", "");
        int concurrency = intOpt("concurrency", 8);
        int seconds = intOpt("seconds", 15);
        int warmup = intOpt("warmup", 3);
        String run = Long.toString(System.currentTimeMillis(), 36);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ConcurrentLinkedQueue<Long> lat = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        Map<Integer, Integer> statuses = Collections.synchronizedMap(new HashMap<>());
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int id = w;
            Thread t = new Thread(() -> {
                long seq = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = http.send(put(catalog, token, slug(id), "bm-" + run + "-" + id + "x" + seq++),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && t1 <= end) {
                        if (status == 200) {
                            ok.incrementAndGet();
                            lat.add(t1 - t0);
                        } else {
                            failed.incrementAndGet();
                            statuses.merge(status, 1, Integer::sum);
                        }
                    }
                }
            });
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        long[] l = lat.stream().mapToLong(Long::longValue).toArray();
        writeSamples(l, opt("out", null));
        return "{\"acknowledged\":" + ok.get() + ",\"failed\":" + failed.get() + ",\"statuses\":\"" + statuses
                + "\",\"seconds\":" + seconds + ",\"concurrency\":" + concurrency
                + ",\"rps\":" + fmt(ok.get() / (double) seconds) + "," + stats(l) + "}";
    }

    // ---------------------------------------------------------------- SSE

    long head() throws Exception {
        String feed = opt("feed", "http://127.0.0.1:8083");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(feed + "/feed/stats"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = HEAD.matcher(r.body());
        if (r.statusCode() == 200 && m.find()) {
            return Long.parseLong(m.group(1));
        }
        // Fallback: walk the pages to the end.
        long after = 0;
        while (true) {
            HttpResponse<String> p = http.send(HttpRequest.newBuilder(URI.create(feed + "/feed?limit=500&after=" + after))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher n = NEXT.matcher(p.body());
            long next = n.find() ? Long.parseLong(n.group(1)) : after;
            if (next <= after || !POSITION.matcher(p.body()).find()) {
                return after;
            }
            after = next;
        }
    }

    /**
     * An SSE subscriber that records, for every event carrying the marker {@code bm-<run>-<seq>}, the arrival time
     * of sequence number {@code seq}.
     */
    static final class SseSubscriber implements Flow.Subscriber<String> {
        final String needle;
        final long[] arrivals;
        final CountDownLatch connected;
        volatile boolean open;
        volatile long received;
        volatile Throwable error;
        Flow.Subscription subscription;

        SseSubscriber(String run, int capacity, CountDownLatch connected) {
            this.needle = "bm-" + run + "-";
            this.arrivals = new long[capacity];
            this.connected = connected;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long now = System.nanoTime();
            if (!open) {
                open = true;
                connected.countDown();
            }
            if (!line.startsWith("data:")) {
                return;
            }
            int i = line.indexOf(needle);
            if (i < 0) {
                return;
            }
            int j = i + needle.length();
            int seq = 0;
            while (j < line.length() && Character.isDigit(line.charAt(j))) {
                seq = seq * 10 + (line.charAt(j++) - '0');
            }
            if (seq < arrivals.length && arrivals[seq] == 0) {
                arrivals[seq] = now;
                received++;
            }
        }

        @Override
        public void onError(Throwable t) {
            error = t;
            if (!open) {
                connected.countDown();
            }
        }

        @Override
        public void onComplete() {
        }

        void cancel() {
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }

    List<SseSubscriber> subscribe(HttpClient client, String feed, long after, String run, int capacity, int count)
            throws Exception {
        CountDownLatch connected = new CountDownLatch(count);
        List<SseSubscriber> subs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SseSubscriber s = new SseSubscriber(run, capacity, connected);
            subs.add(s);
            HttpRequest req = HttpRequest.newBuilder(URI.create(feed + "/feed/stream?after=" + after))
                    .header("Accept", "text/event-stream").build();
            client.sendAsync(req, HttpResponse.BodyHandlers.fromLineSubscriber(s)).whenComplete((r, e) -> {
                if (e != null) {
                    s.onError(e);
                } else if (r.statusCode() != 200) {
                    s.onError(new IllegalStateException("status " + r.statusCode()));
                }
            });
            if (count > 50 && i % 50 == 49) {
                Thread.sleep(20); // don't open 1,000 TCP connections in one burst
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(intOpt("connect-timeout", 30));
        while (!connected.await(5, TimeUnit.SECONDS) && System.nanoTime() < deadline) {
            log((count - connected.getCount()) + " of " + count + " subscribers connected so far");
        }
        long failedToConnect = subs.stream().filter(s -> !s.open).count();
        if (failedToConnect > 0) {
            log(failedToConnect + " of " + count + " subscribers did not connect; first error: " + subs.stream()
                    .filter(s -> s.error != null).map(s -> String.valueOf(s.error)).findFirst().orElse("none (no answer)"));
        }
        return subs;
    }

    /** Sends `total` PUTs at `rate`/s round-robin over the bench projects; returns the acknowledgement times. */
    long[] sendAtRate(String catalog, String token, String run, int rate, int total, int projects,
                      AtomicInteger failed) throws Exception {
        AtomicLongArray acks = new AtomicLongArray(total);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch done = new CountDownLatch(total);
        AtomicInteger next = new AtomicInteger();
        long periodNanos = 1_000_000_000L / rate;
        timer.scheduleAtFixedRate(() -> {
            int seq = next.getAndIncrement();
            if (seq >= total) {
                return;
            }
            http.sendAsync(put(catalog, token, slug(seq % projects), "bm-" + run + "-" + seq + " "),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                        long now = System.nanoTime();
                        if (e == null && r.statusCode() == 200) {
                            acks.set(seq, now);
                        } else {
                            failed.incrementAndGet();
                            if (failed.get() <= 3) {
                                log("write " + seq + " failed: " + (e != null ? e : r.statusCode()));
                            }
                        }
                        done.countDown();
                    });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        done.await(total / rate + 60L, TimeUnit.SECONDS);
        timer.shutdownNow();
        long[] out = new long[total];
        for (int i = 0; i < total; i++) {
            out[i] = acks.get(i);
        }
        return out;
    }

    /** One SSE subscriber; `rate` writes/s for `seconds`: latency from each write's 200 to its SSE arrival. */
    String latency() throws Exception {
        String catalog = opt("catalog", "http://127.0.0.1:8081");
        String feed = opt("feed", "http://127.0.0.1:8083");
        String token = opt("token", "");
        int rate = intOpt("rate", 100);
        int seconds = intOpt("seconds", 15);
        int projects = intOpt("projects", 64);
        int total = rate * seconds;
        String run = Long.toString(System.nanoTime(), 36);
        List<SseSubscriber> subs = subscribe(http, feed, head(), run, total, 1);
        // A Kafka consumer on catalog.events splits the path: ack -> on the topic (outbox relay), topic -> SSE (feed).
        TopicTap tap = new TopicTap(opt("bootstrap", "127.0.0.1:9092"), "bm-" + run + "-", total);
        AtomicInteger failed = new AtomicInteger();
        long[] acks = sendAtRate(catalog, token, run, rate, total, projects, failed);
        awaitDeliveries(subs, acks, intOpt("drain", 10));
        subs.forEach(SseSubscriber::cancel);
        tap.stop();
        long[] relay = new long[total];
        long[] feedStage = new long[total];
        int r = 0;
        int f = 0;
        for (int i = 0; i < total; i++) {
            if (acks[i] != 0 && tap.arrivals[i] != 0) {
                relay[r++] = Math.max(0, tap.arrivals[i] - acks[i]);
            }
            if (tap.arrivals[i] != 0 && subs.get(0).arrivals[i] != 0) {
                feedStage[f++] = Math.max(0, subs.get(0).arrivals[i] - tap.arrivals[i]);
            }
        }
        String report = deliveryReport(subs, acks, failed.get(), rate, seconds);
        return report.substring(0, report.length() - 1) + ",\"stage_ack_to_topic\":{" + stats(Arrays.copyOf(relay, r))
                + "},\"stage_topic_to_sse\":{" + stats(Arrays.copyOf(feedStage, f)) + "}}";
    }

    /** Reads catalog.events from its end and records when each marked event reaches the topic. */
    static final class TopicTap {
        final long[] arrivals;
        final Thread thread;
        volatile boolean running = true;

        TopicTap(String bootstrap, String needle, int capacity) throws InterruptedException {
            arrivals = new long[capacity];
            Properties c = new Properties();
            c.put("bootstrap.servers", bootstrap);
            c.put("key.deserializer", StringDeserializer.class.getName());
            c.put("value.deserializer", StringDeserializer.class.getName());
            c.put("enable.auto.commit", "false");
            CountDownLatch ready = new CountDownLatch(1);
            thread = new Thread(() -> {
                try (KafkaConsumer<String, String> kc = new KafkaConsumer<>(c)) {
                    List<TopicPartition> parts = kc.partitionsFor(Topics.CATALOG).stream()
                            .map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
                    kc.assign(parts);
                    kc.seekToEnd(parts);
                    parts.forEach(kc::position);
                    ready.countDown();
                    while (running) {
                        for (ConsumerRecord<String, String> rec : kc.poll(Duration.ofMillis(50))) {
                            long now = System.nanoTime();
                            String v = rec.value();
                            int i = v == null ? -1 : v.indexOf(needle);
                            if (i < 0) {
                                continue;
                            }
                            int j = i + needle.length();
                            int seq = 0;
                            while (j < v.length() && Character.isDigit(v.charAt(j))) {
                                seq = seq * 10 + (v.charAt(j++) - '0');
                            }
                            if (seq < arrivals.length && arrivals[seq] == 0) {
                                arrivals[seq] = now;
                            }
                        }
                    }
                } catch (RuntimeException e) {
                    log("topic tap: " + e);
                    ready.countDown();
                }
            });
            thread.start();
            ready.await(60, TimeUnit.SECONDS);
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(5000);
        }
    }

    /** `subscribers` SSE clients, `rate` writes/s for `seconds`: every subscriber must receive every event. */
    String fanout() throws Exception {
        String catalog = opt("catalog", "http://127.0.0.1:8081");
        String feed = opt("feed", "http://127.0.0.1:8083");
        String token = opt("token", "");
        int n = intOpt("subscribers", 1000);
        int rate = intOpt("rate", 10);
        int seconds = intOpt("seconds", 10);
        int projects = intOpt("projects", 64);
        int total = rate * seconds;
        String run = Long.toString(System.nanoTime(), 36);
        // A client of its own for the streams, so the writes are not queued behind 1,000 streams' callbacks.
        HttpClient streams = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).executor(Executors.newFixedThreadPool(2)).build();
        String pid = opt("pid", "");
        String before = procStatus(pid);
        long t0 = System.nanoTime();
        List<SseSubscriber> subs = subscribe(streams, feed, head(), run, total, n);
        double connectSeconds = (System.nanoTime() - t0) / 1e9;
        long open = subs.stream().filter(s -> s.open).count();
        String serverCount = serverSubscribers(opt("feed-management", "http://127.0.0.1:9083"));
        String connected = procStatus(pid);
        log(open + " of " + n + " subscribers connected in " + fmt(connectSeconds) + " s; feed-service " + connected);
        AtomicInteger failed = new AtomicInteger();
        long[] acks = sendAtRate(catalog, token, run, rate, total, projects, failed);
        awaitDeliveries(subs, acks, intOpt("drain", 20));
        String loaded = procStatus(pid);
        subs.forEach(SseSubscriber::cancel);
        String report = deliveryReport(subs, acks, failed.get(), rate, seconds);
        return report.substring(0, report.length() - 1) + ",\"subscribers\":" + n + ",\"connected\":" + open
                + ",\"connect_seconds\":" + fmt(connectSeconds) + ",\"server_subscribers_gauge\":" + serverCount
                + ",\"feed_before\":" + before + ",\"feed_connected\":" + connected + ",\"feed_after_writes\":" + loaded + "}";
    }

    /** Threads and RSS of a process from /proc/<pid>/status, as JSON ({"threads":..,"rss_mib":..}), or null. */
    static String procStatus(String pid) {
        if (pid == null || pid.isBlank()) {
            return "null";
        }
        try {
            String status = Files.readString(Path.of("/proc", pid, "status"));
            Matcher t = Pattern.compile("(?m)^Threads:\\s+(\\d+)").matcher(status);
            Matcher r = Pattern.compile("(?m)^VmRSS:\\s+(\\d+)").matcher(status);
            return "{\"threads\":" + (t.find() ? t.group(1) : "null") + ",\"rss_mib\":"
                    + (r.find() ? fmt(Long.parseLong(r.group(1)) / 1024.0) : "null") + "}";
        } catch (Exception e) {
            return "null";
        }
    }

    /** feed-service's count of connected SSE subscribers (gauge feed.stream.subscribers, management port), or null. */
    String serverSubscribers(String management) {
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create(management + "/q/metrics")).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("(?m)^feed_stream_subscribers\\S*\\s+([0-9.]+)").matcher(body);
            return m.find() ? m.group(1) : "null";
        } catch (Exception e) {
            return "null";
        }
    }

    void awaitDeliveries(List<SseSubscriber> subs, long[] acks, int drainSeconds) throws InterruptedException {
        long expected = Arrays.stream(acks).filter(a -> a != 0).count();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (SseSubscriber s : subs) {
                if (s.error == null && s.received < expected) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return;
            }
            Thread.sleep(50);
        }
    }

    String deliveryReport(List<SseSubscriber> subs, long[] acks, int failed, int rate, int seconds) throws Exception {
        int acked = 0;
        for (long a : acks) {
            if (a != 0) {
                acked++;
            }
        }
        long expectedDeliveries = (long) acked * subs.size();
        long delivered = 0;
        long[] lat = new long[(int) Math.min(expectedDeliveries, Integer.MAX_VALUE - 8)];
        int k = 0;
        int completeSubscribers = 0;
        for (SseSubscriber s : subs) {
            int got = 0;
            for (int seq = 0; seq < acks.length; seq++) {
                if (acks[seq] != 0 && s.arrivals[seq] != 0) {
                    lat[k++] = Math.max(0, s.arrivals[seq] - acks[seq]);
                    got++;
                }
            }
            delivered += got;
            if (got == acked) {
                completeSubscribers++;
            }
        }
        lat = Arrays.copyOf(lat, k);
        writeSamples(lat, opt("out", null));
        double pct = expectedDeliveries == 0 ? 0 : 100.0 * delivered / expectedDeliveries;
        return "{\"rate\":" + rate + ",\"seconds\":" + seconds + ",\"writes_acknowledged\":" + acked
                + ",\"writes_failed\":" + failed + ",\"deliveries\":" + delivered + ",\"deliveries_expected\":"
                + expectedDeliveries + ",\"delivered_pct\":" + fmt(pct) + ",\"subscribers_complete\":"
                + completeSubscribers + "," + stats(lat) + "}";
    }

    // ---------------------------------------------------------------- Kafka

    Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        return p;
    }

    /** Raw broker baseline: produce (acks=all, idempotent, like the relay) -> consume, at `rate` msg/s. */
    String kafka() throws Exception {
        String bootstrap = opt("bootstrap", "127.0.0.1:9092");
        String topic = opt("topic", "bench.kafka-latency");
        int rate = intOpt("rate", 100);
        int seconds = intOpt("seconds", 10);
        int total = rate * seconds;
        Properties a = new Properties();
        a.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(a)) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
        Properties c = new Properties();
        c.put("bootstrap.servers", bootstrap);
        c.put("key.deserializer", StringDeserializer.class.getName());
        c.put("value.deserializer", StringDeserializer.class.getName());
        c.put("enable.auto.commit", "false");
        long[] sent = new long[total];
        long[] received = new long[total];
        String run = Long.toString(System.nanoTime(), 36) + "-";
        TopicPartition tp = new TopicPartition(topic, 0);
        AtomicInteger got = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(1);
        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<String, String> kc = new KafkaConsumer<>(c)) {
                kc.assign(List.of(tp));
                kc.seekToEnd(List.of(tp));
                kc.position(tp);
                ready.countDown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 30L);
                while (got.get() < total && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : kc.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        if (r.value().startsWith(run)) {
                            int seq = Integer.parseInt(r.value().substring(run.length()));
                            received[seq] = now;
                            got.incrementAndGet();
                        }
                    }
                }
            }
        });
        consumer.start();
        ready.await(60, TimeUnit.SECONDS);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(bootstrap))) {
            producer.send(new ProducerRecord<>(topic, "warmup", "warmup")).get(); // metadata + connection
            long periodNanos = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int seq = 0; seq < total; seq++) {
                long due = start + seq * periodNanos;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(wait, 1_000_000));
                }
                sent[seq] = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "k" + (seq % 64), run + seq));
            }
            producer.flush();
        }
        consumer.join();
        long[] lat = new long[total];
        int k = 0;
        for (int i = 0; i < total; i++) {
            if (received[i] != 0) {
                lat[k++] = received[i] - sent[i];
            }
        }
        lat = Arrays.copyOf(lat, k);
        writeSamples(lat, opt("out", null));
        return "{\"rate\":" + rate + ",\"seconds\":" + seconds + ",\"sent\":" + total + ",\"received\":" + k + ","
                + stats(lat) + "}";
    }

    /** Produces `count` contract-conforming CloudEvents (catalog.project.updated) straight to catalog.events. */
    String produce() throws Exception {
        return produce(opt("bootstrap", "127.0.0.1:9092"), intOpt("count", 100_000), opt("subject-prefix", "bench-c-"),
                intOpt("subjects", 500));
    }

    String produce(String bootstrap, int count, String prefix, int subjects) throws Exception {
        long base = System.currentTimeMillis();
        Properties p = producerProps(bootstrap);
        p.put("linger.ms", "5");
        p.put("batch.size", "262144");
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < count; i++) {
                String subject = prefix + (i % subjects);
                long version = base + i / subjects;
                String data = "{\"slug\":\"" + subject + "\",\"name\":\"Catch-up " + i + "\",\"serviceName\":\"Benchmark "
                        + "service\",\"serviceType\":\"benchmark\",\"tier\":\"optional\",\"version\":" + version + "}";
                ChangeEvent e = new ChangeEvent(UUID.randomUUID(), "/catalog-service", "catalog.project.updated",
                        subject, OffsetDateTime.now(ZoneOffset.UTC), version, data);
                producer.send(new ProducerRecord<>(Topics.CATALOG, null, subject, data, CloudEventHeaders.write(e)));
            }
            producer.flush();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        return "{\"produced\":" + count + ",\"seconds\":" + fmt(s) + ",\"per_second\":" + fmt(count / s) + "}";
    }

    // ---------------------------------------------------------------- broker outage, producer and consumer rates

    /** End offsets of every partition of `topic`. */
    static Map<TopicPartition, Long> endOffsets(String bootstrap, String topic) {
        Properties c = consumerProps(bootstrap);
        try (KafkaConsumer<String, String> kc = new KafkaConsumer<>(c)) {
            List<TopicPartition> parts = kc.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
            return new HashMap<>(kc.endOffsets(parts, Duration.ofSeconds(30)));
        }
    }

    static Properties consumerProps(String bootstrap) {
        Properties c = new Properties();
        c.put("bootstrap.servers", bootstrap);
        c.put("key.deserializer", StringDeserializer.class.getName());
        c.put("value.deserializer", StringDeserializer.class.getName());
        c.put("enable.auto.commit", "false");
        c.put("max.poll.records", "5000");
        c.put("fetch.max.bytes", "52428800");
        return c;
    }

    /** Runs a shell script of bench/run's (broker stop/start); fails unless it exits 0. */
    static void script(String path) throws Exception {
        Process p = new ProcessBuilder("bash", path).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(path + " failed");
        }
    }

    /**
     * Broker outage: stop the broker (stop= script), acknowledge `count` PUTs from `concurrency` writers while it is
     * down, start it (start= script), then time until a consumer has seen every one of them on catalog.events.
     */
    String outage() throws Exception {
        String catalog = opt("catalog", "http://127.0.0.1:8081");
        String bootstrap = opt("bootstrap", "127.0.0.1:9092");
        String token = opt("token", "");
        int count = intOpt("count", 3000);
        int concurrency = intOpt("concurrency", 16);
        String run = "bo" + Long.toString(System.nanoTime(), 36);
        Map<TopicPartition, Long> from = endOffsets(bootstrap, Topics.CATALOG);
        script(opt("stop", ""));
        long s0;
        long ready;
        double writeSeconds;
        AtomicInteger acked = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try {
            writeSeconds = writeWhileDown(catalog, token, run, count, concurrency, acked, failed);
        } finally {
            s0 = System.nanoTime();
            script(opt("start", "")); // the broker comes back whatever happened to the writes
            ready = System.nanoTime();
        }
        String needle = "bm-" + run + "-";
        boolean[] seen = new boolean[count];
        int got = 0;
        long first = 0;
        long last = 0;
        long deadline = ready + TimeUnit.SECONDS.toNanos(intOpt("drain", 180));
        try (KafkaConsumer<String, String> kc = new KafkaConsumer<>(consumerProps(bootstrap))) {
            kc.assign(from.keySet());
            from.forEach(kc::seek);
            while (got < acked.get() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> rec : kc.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    String v = rec.value();
                    int i = v == null ? -1 : v.indexOf(needle);
                    if (i < 0) {
                        continue;
                    }
                    int j = i + needle.length();
                    int seq = 0;
                    while (j < v.length() && Character.isDigit(v.charAt(j))) {
                        seq = seq * 10 + (v.charAt(j++) - '0');
                    }
                    if (seq < count && !seen[seq]) {
                        seen[seq] = true;
                        got++;
                        first = first == 0 ? now : first;
                        last = now;
                    }
                }
            }
        }
        double drain = last == 0 ? Double.NaN : (last - ready) / 1e9;
        double burst = first == 0 || last == first ? Double.NaN : (last - first) / 1e9;
        return "{\"writes\":" + count + ",\"acknowledged\":" + acked + ",\"failed\":" + failed
                + ",\"write_seconds\":" + fmt(writeSeconds) + ",\"broker_start_seconds\":" + fmt((ready - s0) / 1e9)
                + ",\"on_topic\":" + got + ",\"first_after_ready_seconds\":" + fmt(first == 0 ? Double.NaN : (first - ready) / 1e9)
                + ",\"drain_seconds\":" + fmt(drain) + ",\"drain_per_second\":" + fmt(got / drain)
                + ",\"first_to_last_seconds\":" + fmt(burst) + ",\"first_to_last_per_second\":" + fmt(got / burst) + "}";
    }

    /** `count` PUTs from `concurrency` writers (each its own project), each with marker bm-<run>-<seq>. */
    double writeWhileDown(String catalog, String token, String run, int count, int concurrency, AtomicInteger acked,
                          AtomicInteger failed) throws InterruptedException {
        long w0 = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int id = w;
            Thread t = new Thread(() -> {
                int seq;
                while ((seq = next.getAndIncrement()) < count) {
                    try {
                        int status = http.send(put(catalog, token, slug(id), "bm-" + run + "-" + seq + " "),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status == 200) {
                            acked.incrementAndGet();
                        } else if (failed.incrementAndGet() <= 3) {
                            log("outage write " + seq + " -> " + status);
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        return (System.nanoTime() - w0) / 1e9;
    }

    /** Raw producer rate: `count` records of about an event's size, acks=all + idempotent like the relay. */
    String producerRate() throws Exception {
        String bootstrap = opt("bootstrap", "127.0.0.1:9092");
        String topic = opt("topic", "bench.producer-rate");
        int count = intOpt("count", 100_000);
        createTopic(bootstrap, topic, 3);
        String value = "{\"slug\":\"bench-w-0\",\"name\":\"Bench bench-w-0\",\"serviceName\":\"Benchmark service\","
                + "\"serviceType\":\"benchmark\",\"tier\":\"optional\",\"descriptionEn\":\"bm-raw-producer-rate\","
                + "\"version\":1}";
        long t0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(bootstrap))) {
            producer.send(new ProducerRecord<>(topic, "warmup", "warmup")).get();
            t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "bench-w-" + (i % 256), value));
            }
            producer.flush();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        return "{\"produced\":" + count + ",\"seconds\":" + fmt(s) + ",\"per_second\":" + fmt(count / s) + "}";
    }

    static void createTopic(String bootstrap, String topic, int partitions) throws Exception {
        Properties a = new Properties();
        a.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(a)) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Sustained ingest: produce `count` contract-conforming events to catalog.events, time until the feed's head
     * has moved by `count`; then a raw consumer reads the same records (same topic, same broker).
     */
    String ingest() throws Exception {
        String bootstrap = opt("bootstrap", "127.0.0.1:9092");
        String feed = opt("feed", "http://127.0.0.1:8083");
        int count = intOpt("count", 100_000);
        long timeout = intOpt("timeout", 600);
        long head0 = head();
        Map<TopicPartition, Long> from = endOffsets(bootstrap, Topics.CATALOG);
        long t0 = System.nanoTime();
        String produced = produce(bootstrap, count, opt("subject-prefix", "bench-c-"), intOpt("subjects", 500));
        double produceSeconds = (System.nanoTime() - t0) / 1e9;
        long target = head0 + count;
        long deadline = t0 + TimeUnit.SECONDS.toNanos(timeout);
        long h = head0;
        long lastLog = System.nanoTime();
        while (h < target && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
            h = head();
            if (System.nanoTime() - lastLog > TimeUnit.SECONDS.toNanos(15)) {
                log("ingest: " + (h - head0) + " of " + count + " in the feed");
                lastLog = System.nanoTime();
            }
        }
        double ingestSeconds = (System.nanoTime() - t0) / 1e9;
        long ingested = h - head0;
        // The raw consumer: the same records, from the same offsets, as fast as the client reads them.
        long c0 = System.nanoTime();
        long read = 0;
        try (KafkaConsumer<String, String> kc = new KafkaConsumer<>(consumerProps(bootstrap))) {
            kc.assign(from.keySet());
            from.forEach(kc::seek);
            long cDeadline = c0 + TimeUnit.SECONDS.toNanos(120);
            while (read < count && System.nanoTime() < cDeadline) {
                read += kc.poll(Duration.ofMillis(200)).count();
            }
        }
        double consumeSeconds = (System.nanoTime() - c0) / 1e9;
        return "{\"events\":" + count + ",\"ingested\":" + ingested + ",\"complete\":" + (ingested >= count)
                + ",\"produce\":" + produced + ",\"produce_seconds\":" + fmt(produceSeconds)
                + ",\"ingest_seconds\":" + fmt(ingestSeconds) + ",\"events_per_second\":" + fmt(ingested / ingestSeconds)
                + ",\"raw_consumer_events\":" + read + ",\"raw_consumer_seconds\":" + fmt(consumeSeconds)
                + ",\"raw_consumer_per_second\":" + fmt(read / consumeSeconds) + "}";
    }

    // ---------------------------------------------------------------- catch-up

    /** Reads the whole feed from cursor 0 with /feed pages of `limit`. */
    String catchupPages() throws Exception {
        String feed = opt("feed", "http://127.0.0.1:8083");
        int limit = intOpt("limit", 500);
        long max = Long.parseLong(opt("events", Long.toString(Long.MAX_VALUE)));
        long after = 0;
        long events = 0;
        int pages = 0;
        long t0 = System.nanoTime();
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(feed + "/feed?limit=" + limit
                    + "&after=" + after)).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET /feed after=" + after + " -> " + r.statusCode() + " " + r.body());
            }
            pages++;
            int n = 0;
            Matcher m = POSITION.matcher(r.body());
            while (m.find()) {
                n++;
            }
            Matcher nx = NEXT.matcher(r.body());
            long next = nx.find() ? Long.parseLong(nx.group(1)) : after;
            events += n;
            if (n == 0 || next <= after || events >= max) {
                break;
            }
            after = next;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        return "{\"events\":" + events + ",\"pages\":" + pages + ",\"limit\":" + limit + ",\"seconds\":" + fmt(s)
                + ",\"events_per_second\":" + fmt(events / s) + "}";
    }

    /**
     * Reads the feed from cursor 0 over SSE until `events` events or the head read before connecting (the `id:` of an
     * event is its position) have arrived. An event is counted at its terminating blank line (one event may carry
     * several data: lines; heartbeats carry none). It never hangs: a stream idle for `idle` seconds (default 15) or
     * longer than `timeout` (default 300) is closed and the figures say `complete: false`.
     */
    String catchupSse() throws Exception {
        String feed = opt("feed", "http://127.0.0.1:8083");
        long max = Long.parseLong(opt("events", Long.toString(Long.MAX_VALUE)));
        long idleNanos = TimeUnit.SECONDS.toNanos(intOpt("idle", 15));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(intOpt("timeout", 300));
        long head = head();
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(feed + "/feed/stream?after=0"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /feed/stream -> " + r.statusCode());
        }
        AtomicLong events = new AtomicLong();
        AtomicLong last = new AtomicLong();
        AtomicLong lastByte = new AtomicLong(System.nanoTime());
        String[] stop = {"stream ended"};
        InputStream body = r.body();
        // The watchdog: progress every 5 s on stderr, and the stream closed when idle or past the deadline.
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        watchdog.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            log("catchup-sse: " + events.get() + " events, last id " + last.get() + " of head " + head);
            if (now - lastByte.get() > idleNanos || now > deadline) {
                stop[0] = now > deadline ? "timeout" : "idle";
                try {
                    body.close();
                } catch (Exception ignored) {
                    // closing is all we want
                }
            }
        }, 5, 5, TimeUnit.SECONDS);
        boolean complete = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            long id = -1;
            while ((line = in.readLine()) != null) {
                lastByte.set(System.nanoTime());
                if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).trim());
                } else if (line.isEmpty() && id >= 0) {
                    last.set(id);
                    id = -1;
                    if (events.incrementAndGet() >= max || last.get() >= head) {
                        complete = true;
                        stop[0] = events.get() >= max ? "events" : "head";
                        break;
                    }
                }
            }
        } catch (java.io.IOException e) {
            if ("stream ended".equals(stop[0])) {
                stop[0] = "error: " + e;
            }
        } finally {
            watchdog.shutdownNow();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        return "{\"events\":" + events.get() + ",\"last_position\":" + last.get() + ",\"head\":" + head
                + ",\"complete\":" + complete + ",\"stopped_by\":\"" + stop[0].replace("\"", "'") + "\",\"seconds\":" + fmt(s)
                + ",\"events_per_second\":" + fmt(events.get() / s) + "}";
    }

    // ---------------------------------------------------------------- figures

    static String stats(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return "\"samples\":" + s.length + ",\"p50_ms\":" + fmt(pct(s, 50)) + ",\"p90_ms\":" + fmt(pct(s, 90))
                + ",\"p99_ms\":" + fmt(pct(s, 99)) + ",\"max_ms\":" + fmt(s.length == 0 ? Double.NaN : s[s.length - 1] / 1e6)
                + ",\"mean_ms\":" + fmt(Arrays.stream(s).average().orElse(Double.NaN) / 1e6);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static String fmt(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? "null" : String.format(Locale.ROOT, "%.3f", d);
    }

    static void writeSamples(long[] nanos, String file) throws Exception {
        if (file == null) {
            return;
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(file)))) {
            w.println("latency_ms");
            for (long n : nanos) {
                w.println(String.format(Locale.ROOT, "%.3f", n / 1e6));
            }
        }
    }
}
