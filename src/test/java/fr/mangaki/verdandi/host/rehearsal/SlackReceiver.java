package fr.mangaki.verdandi.host.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for Slack's incoming webhook on loopback: records the text of every message. */
public final class SlackReceiver implements AutoCloseable {

    /** The secret part of the webhook URL, which must never show up in a log. */
    public static final String TOKEN = "T0VERDANDI/B0REHEARSAL/s3cr3tW3bh00kT0k3n";

    private final HttpServer server;
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    public SlackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/services/" + TOKEN, exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                texts.add(json.readTree(body).path("text").asText());
            } catch (IOException e) {
                texts.add("(not JSON) " + new String(body, StandardCharsets.UTF_8));
            }
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/services/" + TOKEN;
    }

    public List<String> texts() {
        return List.copyOf(texts);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
