package cn.referral.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import cn.referral.platform.security.Role;
import cn.referral.platform.testapp.PlatformTestApplication;
import cn.referral.platform.testing.ServiceIntegrationTest;
import cn.referral.platform.testing.TestTokens;

/**
 * A keep-alive connection to a service answers every request sent on it, whatever the requests before it.
 *
 * <p>Reactor Netty 1.3.6 (Spring Boot 4.0.7's) stopped reading a connection after a request that had waited for the
 * one before it was answered at once (reactor/reactor-netty#4361): the next request on that connection got no answer
 * until the client gave up. Through the gateway this was the intermittent 30 s "no answer" of the system tests (an
 * encoded-path refusal, answered at once, after a refusal still finishing). HTTP/1.1 pipelining (RFC 9112, 9.3) makes
 * the order certain: an authenticated request the service answers later, then a refusal it answers at once, then,
 * after both answers, one more request on the same connection.
 */
@ServiceIntegrationTest(classes = PlatformTestApplication.class)
@TestPropertySource(locations = PlatformTestApplication.PROPERTIES)
class KeepAliveConnectionsIT {

    /** Long enough for any answer of the test application on a loaded machine; a stalled connection never answers. */
    private static final int NO_ANSWER_MILLIS = 15_000;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

    @LocalServerPort
    private int port;

    @Test
    void aRequestAfterOneAnsweredAtOnceBehindAnotherIsAnswered() throws IOException {
        String token = TestTokens.token(Role.REFERRAL_DESK, "inst-1");
        String later = "GET /items/later HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n\r\n";
        String refused = "GET /items/..%2Fitem-1 HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String listed = "GET /items?limit=1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n\r\n";

        try (Socket connection = new Socket("localhost", port)) {
            connection.setSoTimeout(NO_ANSWER_MILLIS);
            Answers answers = new Answers(connection.getInputStream());

            send(connection, later + refused);
            assertThat(answers.await(2)).as("the list answered later, then the encoded path refused at once")
                    .containsExactly(200, 400);

            send(connection, listed);
            assertThat(answers.await(3)).as("the next request on the same connection").containsExactly(200, 400, 200);
        }
    }

    private static void send(Socket connection, String requests) throws IOException {
        OutputStream out = connection.getOutputStream();
        out.write(requests.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The status of each answer read from the connection so far (read as bytes: a body's length is in bytes). */
    private static final class Answers {

        private final InputStream in;
        private final StringBuilder read = new StringBuilder();

        Answers(InputStream in) {
            this.in = in;
        }

        List<Integer> await(int count) throws IOException {
            byte[] buffer = new byte[8192];
            try {
                while (statuses().size() < count || !lastBodyComplete()) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    read.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (SocketTimeoutException noAnswer) {
                // the statuses read so far say which answer is missing
            }
            return statuses();
        }

        private List<Integer> statuses() {
            List<Integer> statuses = new ArrayList<>();
            Matcher matcher = STATUS_LINE.matcher(read);
            while (matcher.find()) {
                statuses.add(Integer.parseInt(matcher.group(1)));
            }
            return statuses;
        }

        /** Whether the last answer's body, of its Content-Length, has been read whole. */
        private boolean lastBodyComplete() {
            int headersEnd = read.lastIndexOf("\r\n\r\n");
            Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(read);
            int declared = 0;
            while (length.find()) {
                declared = Integer.parseInt(length.group(1));
            }
            return headersEnd >= 0 && read.length() - (headersEnd + 4) >= declared;
        }
    }
}
