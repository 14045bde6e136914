package org.glancejee.it;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A real RabbitMQ for tests: Debian's rabbitmq-server run as a private node on loopback by
 * {@code src/test/scripts/rabbitmq-up.sh} (user {@code glance}, password {@code glance-it-password}), stopped by
 * rabbitmq-down.sh; and a consumer that reads queues as Ceilometer would.
 */
public final class RabbitServer implements AutoCloseable {
    public static final String USER = "glance";
    public static final String PASSWORD = "glance-it-password";

    private final Path state;
    private final int port;

    private RabbitServer(Path state, int port) {
        this.state = state.toAbsolutePath();
        this.port = port;
    }

    public static RabbitServer start(Path state) throws IOException, InterruptedException {
        RabbitServer server = new RabbitServer(state, freePort());
        server.start();
        return server;
    }

    public void start() throws IOException, InterruptedException {
        run("rabbitmq-up.sh", state.toString(), String.valueOf(port));
    }

    public void stop() throws IOException, InterruptedException {
        run("rabbitmq-down.sh", state.toString());
    }

    /** oslo.messaging's transport_url of this broker. */
    public String transportUrl() {
        return "rabbit://" + USER + ":" + PASSWORD + "@127.0.0.1:" + port + "/";
    }

    /** One message taken from a queue: its body and content type. */
    public record Delivery(String routingKey, String contentType, String body) {
    }

    /**
     * Takes messages from {@code queue} until one satisfies {@code last} or the time is up; returns them all,
     * in the order they came.
     */
    public List<Delivery> take(String queue, Predicate<Delivery> last, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        List<Delivery> taken = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = connect()) {
            Channel channel = connection.createChannel();
            while (System.nanoTime() < deadline) {
                GetResponse response;
                try {
                    response = channel.basicGet(queue, true);
                } catch (IOException notDeclaredYet) {
                    // the broker closes the channel when the queue does not exist (yet, or again after a restart)
                    channel = connection.createChannel();
                    response = null;
                }
                if (response == null) {
                    Thread.sleep(100);
                    continue;
                }
                Delivery delivery = new Delivery(response.getEnvelope().getRoutingKey(),
                        response.getProps().getContentType(), new String(response.getBody(), StandardCharsets.UTF_8));
                taken.add(delivery);
                if (last.test(delivery)) {
                    return taken;
                }
            }
        }
        return taken;
    }

    private Connection connect() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        factory.setUsername(USER);
        factory.setPassword(PASSWORD);
        return factory.newConnection();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(String script, String... args) throws IOException, InterruptedException {
        String scripts = System.getProperty("glance.test.scripts");
        if (scripts == null) {
            throw new IllegalStateException("system property glance.test.scripts (src/test/scripts) is not set");
        }
        List<String> command = new ArrayList<>(List.of("bash", Path.of(scripts, script).toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException(script + " failed with exit code " + process.exitValue());
        }
    }
}
