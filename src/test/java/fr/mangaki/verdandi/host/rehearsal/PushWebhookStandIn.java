package fr.mangaki.verdandi.host.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stands in for GitHub sending a repository's push webhook (GitHub Docs, "Webhook events and
 * payloads: push" and "Validating webhook deliveries"): a JSON body with {@code ref},
 * {@code before}, {@code after}, {@code repository}, {@code pusher} and {@code head_commit};
 * the headers {@code X-GitHub-Event}, {@code X-GitHub-Delivery} (a new GUID per delivery),
 * {@code X-Hub-Signature-256} ({@code sha256=} and the hex HMAC-SHA256 of the body under the
 * webhook's secret), {@code User-Agent: GitHub-Hookshot/...} and
 * {@code Content-Type: application/json}. Sent to a loopback port with the site's Host.
 */
public final class PushWebhookStandIn {

    /** One delivery: what was sent, so that a test can send it again (a replay) or alter it. */
    public record Delivery(Map<String, String> headers, byte[] body) {
    }

    private final String secret;
    private final ObjectMapper json = new ObjectMapper();

    public PushWebhookStandIn(String secret) {
        this.secret = secret;
    }

    /** A push of {@code after} to {@code branch}, signed. */
    public Delivery push(String branch, String before, String after) {
        ObjectNode body = json.createObjectNode();
        body.put("ref", "refs/heads/" + branch);
        body.put("before", before);
        body.put("after", after);
        body.put("created", false);
        body.put("deleted", false);
        body.put("forced", false);
        ObjectNode repository = body.putObject("repository");
        repository.put("full_name", "mangaki/mangaki");
        repository.put("clone_url", "https://github.com/mangaki/mangaki.git");
        body.putObject("pusher").put("name", "ada");
        ObjectNode head = body.putObject("head_commit");
        head.put("id", after);
        head.put("message", "A commit pushed to " + branch);
        body.putArray("commits").add(head.deepCopy());
        return signed("push", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code body} as event {@code event}, signed with the secret. */
    public Delivery signed(String event, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", "GitHub-Hookshot/stand-in");
        headers.put("Content-Type", "application/json");
        headers.put("X-GitHub-Event", event);
        headers.put("X-GitHub-Delivery", UUID.randomUUID().toString());
        headers.put("X-Hub-Signature-256", "sha256=" + hmac(secret, body));
        return new Delivery(headers, body);
    }

    /** Sends a delivery to {@code port} with {@code host}, at GitHub's webhook URL path of Verdandi. */
    public static HttpProbe.Response send(int port, String host, Delivery d) {
        return HttpProbe.post(port, host, "/.verdandi/deploy", d.headers(), d.body());
    }

    /** The hex HMAC-SHA256 of {@code body} under {@code key}. */
    public static String hmac(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
