package dev.stackpulse.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the HTTP layer refuses before the application also answers application/problem+json: a URI or headers over
 * the limits (414, 431), a body over quarkus.http.limits.max-body-size (413), a malformed percent-encoding or a
 * refused character ({@link Text}) in the path or a query parameter (400, naming it), and any status a Vert.x
 * handler fails the request with. Runs just before Quarkus' own body-size check, which answers with no body.
 */
@ApplicationScoped
public class HttpEdge {

    private final ObjectMapper mapper;
    private final HttpEdgeConfig config;

    public HttpEdge(ObjectMapper mapper, HttpEdgeConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * Call in main() before Quarkus starts: Quarkus answers a URI that java.net.URI refuses with an empty 400 before
     * any route runs; with its check off, {@link #check} refuses the same URIs, with a problem naming the part.
     */
    public static void beforeStart() {
        System.setProperty("vertx.disableURIValidation", "true");
    }

    void install(@Observes Router router) {
        long maxBody = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ctx -> check(ctx, maxBody));
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).failureHandler(this::failed);
    }

    private void check(RoutingContext ctx, long maxBody) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > config.maxUriLength()) {
            answer(ctx, 414, "URI Too Long", "the request URI is longer than " + config.maxUriLength()
                    + " characters", List.of(), true);
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > config.maxHeaderSize()) {
            answer(ctx, 431, "Request Header Fields Too Large", "the request headers are larger than "
                    + config.maxHeaderSize() + " bytes", List.of(), true);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && !length.isEmpty()
                && (length.length() > 18 || Long.parseLong(length) > maxBody)) {
            answer(ctx, 413, "Content Too Large", "the request body is larger than " + maxBody + " bytes",
                    List.of(), true);
            return;
        }
        if (plain(request.uri())) {
            ctx.next();
            return;
        }
        Problem.FieldError refused = refusedInput(request.uri());
        if (refused != null) {
            answer(ctx, 400, "Bad Request", refused.field() + ": " + refused.reason(), List.of(refused), false);
            return;
        }
        try {
            new URI(request.uri());
        } catch (URISyntaxException e) {
            answer(ctx, 400, "Bad Request", "the request URI is malformed: " + e.getReason(), List.of(), false);
            return;
        }
        ctx.next();
    }

    /**
     * True for the common request target: origin-form, printable ASCII, no percent-escapes, none of the characters
     * java.net.URI refuses outside an authority. Such a target decodes to itself, so neither check below can refuse
     * it; decoding and parsing every URI was a sixth of the CPU of a cached GET.
     */
    static boolean plain(String uri) {
        if (uri.isEmpty() || uri.charAt(0) != '/' || (uri.length() > 1 && uri.charAt(1) == '/')) {
            return false;
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= 0x20 || c >= 0x7f || PLAIN_REFUSED.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static final String PLAIN_REFUSED = "%\"<>\\^`{|}[]#";

    /** The first path or query parameter that is not well percent-encoded or holds a refused character. */
    static Problem.FieldError refusedInput(String uri) {
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        int hash = path.indexOf('#');
        path = hash < 0 ? path : path.substring(0, hash);
        String reason = reasonFor(path.replace("+", "%2B"));
        if (reason != null) {
            return new Problem.FieldError("path", reason);
        }
        if (q < 0) {
            return null;
        }
        for (String pair : uri.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String nameReason = reasonFor(rawName);
            String name = nameReason == null ? URLDecoder.decode(rawName, StandardCharsets.UTF_8) : "query";
            if (nameReason != null) {
                return new Problem.FieldError(name, nameReason);
            }
            String valueReason = eq < 0 ? null : reasonFor(pair.substring(eq + 1));
            if (valueReason != null) {
                return new Problem.FieldError(name, valueReason);
            }
        }
        return null;
    }

    private static String reasonFor(String raw) {
        String decoded;
        try {
            decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "malformed percent-encoding (a '%' must be followed by two hexadecimal digits)";
        }
        return Text.violation(decoded);
    }

    /**
     * Statuses a Vert.x handler failed the request with (not the application: its mappers answer problems), e.g.
     * the router's own 400 for a path it cannot normalize, met before {@link #check} runs.
     */
    private void failed(RoutingContext ctx) {
        int status = ctx.failure() instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
        if (ctx.failure() instanceof IllegalArgumentException && refusedInput(ctx.request().uri()) != null) {
            status = 400; // the router could not normalize the path: a bad escape, answered as check() would
        }
        if (ctx.response().headWritten() || status < 400 || status >= 500) {
            ctx.next();
            return;
        }
        String title = io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
        Problem.FieldError refused = status == 400 ? refusedInput(ctx.request().uri()) : null;
        if (refused != null) {
            answer(ctx, 400, title, refused.field() + ": " + refused.reason(), List.of(refused), false);
        } else {
            answer(ctx, status, title, status == 400 ? "the request is malformed" : title, List.of(), status == 413);
        }
    }

    private void answer(RoutingContext ctx, int status, String title, String detail, List<Problem.FieldError> errors,
                        boolean close) {
        HttpServerResponse response = ctx.response();
        String instance = status == 414 ? null : ctx.request().path();
        String body;
        try {
            body = mapper.writeValueAsString(new Problem(ProblemType.forStatus(status).uri(), title, status, detail, instance, errors));
        } catch (JsonProcessingException e) {
            body = "{\"type\":\"" + ProblemType.forStatus(status).uri() + "\",\"title\":\"" + title + "\",\"status\":" + status + "}";
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (close) {
            // The rest of the request (a body, or headers we did not read) is not worth reading.
            response.putHeader(HttpHeaders.CONNECTION, "close");
            response.endHandler(v -> ctx.request().connection().close());
        }
        response.end(body);
    }
}
