package fr.mangaki.verdandi.host.rehearsal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A minimal HTTP/1.1 client for loopback, able to send any Host header. */
public final class HttpProbe {

    /** Status 0 means no HTTP answer (connection refused, closed or timed out). */
    public record Response(int status, String headers, String body) {
        public Response(int status, String body) {
            this(status, "", body);
        }

        /** The value of a header (case-insensitive name), null when absent. */
        public String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private HttpProbe() {
    }

    public static Response get(int port, String host, String path) {
        return request("127.0.0.1", port, host, "GET", path);
    }

    /** A GET to a loopback address other than 127.0.0.1 (the rehearsal's droplets are 127.0.0.2...). */
    public static Response getAt(String address, int port, String host, String path) {
        return request(address, port, host, "GET", path);
    }

    /** A request of {@code method} (no body) to 127.0.0.1. */
    public static Response request(int port, String host, String method, String path) {
        return request("127.0.0.1", port, host, method, path);
    }

    private static Response request(String address, int port, String host, String method, String path) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 5000);
            s.setSoTimeout(15000);
            OutputStream out = s.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + (method.equals("GET") ? "" : "Content-Length: 0\r\n")
                    + "User-Agent: verdandi-rehearsal\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!raw.startsWith("HTTP/1.")) {
                return new Response(0, raw);
            }
            int status = Integer.parseInt(raw.substring(9, 12));
            int split = raw.indexOf("\r\n\r\n");
            return new Response(status, split < 0 ? raw : raw.substring(0, split),
                    split < 0 ? "" : raw.substring(split + 4));
        } catch (IOException | RuntimeException e) {
            return new Response(0, e.toString());
        }
    }

    /**
     * A POST of {@code body} with {@code headers} (name → value, besides Host, Content-Length
     * and Connection); status 0 when no HTTP answer came (a reset, a refusal).
     */
    public static Response post(int port, String host, String path, java.util.Map<String, String> headers, byte[] body) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(15000);
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            OutputStream out = s.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // a server may answer (413) and close before the whole body is sent: read its answer
            }
            String raw = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!raw.startsWith("HTTP/1.")) {
                return new Response(0, raw);
            }
            int status = Integer.parseInt(raw.substring(9, 12));
            int split = raw.indexOf("\r\n\r\n");
            return new Response(status, split < 0 ? raw : raw.substring(0, split),
                    split < 0 ? "" : raw.substring(split + 4));
        } catch (IOException | RuntimeException e) {
            return new Response(0, e.toString());
        }
    }

    /** The {@code revision=} value of the test application's pages, or null. */
    public static String revision(Response r) {
        if (r.status() != 200) {
            return null;
        }
        for (String part : r.body().trim().split(" ")) {
            if (part.startsWith("revision=")) {
                return part.substring("revision=".length());
            }
        }
        return null;
    }
}
