package fr.mangaki.verdandi.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the DigitalOcean API, for the tests only: the real API cannot be reached from
 * them. It answers the one call the front's pool discovery makes, "List All Droplets" filtered
 * by tag, as the public API reference describes it
 * (https://docs.digitalocean.com/reference/api/digitalocean/#tag/Droplets/operation/droplets_list):
 * {@code GET /v2/droplets?tag_name=TAG&per_page=N&page=P} with {@code Authorization: Bearer TOKEN};
 * {@code 401 {"id": "Unauthorized", "message": "Unable to authenticate you"}} for another token;
 * a body {@code {"droplets": [...], "links": {"pages": {"next": ...}}, "meta": {"total": N}}},
 * each droplet with its {@code id}, {@code name}, {@code status}, {@code tags} and
 * {@code networks.v4} entries of type {@code public} and {@code private}. It is stateful like
 * the account it stands for: droplets are created, change status and are destroyed between calls
 * (as an autoscale pool does), and it counts the calls. It listens on loopback only.
 */
final class DigitalOceanApiStandIn implements AutoCloseable {
    /** A droplet of the account. */
    record Droplet(int id, String name, String status, List<String> tags, String privateIpv4) {
    }

    private final HttpServer server;
    private final String token;
    private final Map<Integer, Droplet> droplets = new LinkedHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(3164444);
    private final AtomicInteger calls = new AtomicInteger();
    private final ObjectMapper json = new ObjectMapper();

    private final int pageLimit;

    /** The real API's page limit, 200 droplets. */
    DigitalOceanApiStandIn(String token) throws IOException {
        this(token, 200);
    }

    /** With a smaller page limit than the real API's, so that a test sees several pages. */
    DigitalOceanApiStandIn(String token, int pageLimit) throws IOException {
        this.token = token;
        this.pageLimit = pageLimit;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/v2/droplets", this::listDroplets);
        server.start();
    }

    /** The base URL, as {@code VERDANDI_DO_API} takes it. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Creates a droplet; returns its id. */
    synchronized int create(String name, String status, List<String> tags, String privateIpv4) {
        int id = nextId.getAndIncrement();
        droplets.put(id, new Droplet(id, name, status, List.copyOf(tags), privateIpv4));
        return id;
    }

    synchronized void setStatus(int id, String status) {
        Droplet d = droplets.get(id);
        droplets.put(id, new Droplet(id, d.name(), status, d.tags(), d.privateIpv4()));
    }

    synchronized void destroy(int id) {
        droplets.remove(id);
    }

    int calls() {
        return calls.get();
    }

    private void listDroplets(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, Map.of("id", "method_not_allowed", "message", "Method Not Allowed"));
                return;
            }
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, Map.of("id", "Unauthorized", "message", "Unable to authenticate you"));
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            int perPage = Math.min(pageLimit, Integer.parseInt(query.getOrDefault("per_page", "20")));
            int page = Integer.parseInt(query.getOrDefault("page", "1"));
            String tag = query.get("tag_name");
            List<Droplet> matching;
            synchronized (this) {
                matching = droplets.values().stream().filter(d -> tag == null || d.tags().contains(tag)).toList();
            }
            int from = Math.min(matching.size(), (page - 1) * perPage);
            int to = Math.min(matching.size(), from + perPage);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Droplet d : matching.subList(from, to)) {
                out.add(Map.of("id", d.id(), "name", d.name(), "status", d.status(), "tags", d.tags(),
                        "networks", Map.of("v4", List.of(
                                Map.of("ip_address", "203.0.113." + (d.id() % 250), "netmask", "255.255.255.0",
                                        "gateway", "203.0.113.1", "type", "public"),
                                Map.of("ip_address", d.privateIpv4(), "netmask", "255.255.240.0",
                                        "gateway", "10.110.0.1", "type", "private")),
                                "v6", List.of())));
            }
            Map<String, Object> pages = new LinkedHashMap<>();
            String base = baseUrl() + "/v2/droplets?" + (tag == null ? "" : "tag_name=" + tag + "&") + "per_page=" + perPage;
            int last = Math.max(1, (matching.size() + perPage - 1) / perPage);
            if (page < last) {
                pages.put("next", base + "&page=" + (page + 1));
                pages.put("last", base + "&page=" + last);
            }
            send(exchange, 200, Map.of("droplets", out, "links", Map.of("pages", pages),
                    "meta", Map.of("total", matching.size())));
        }
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
