package org.glancejee.notifications;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Address;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Publishes to RabbitMQ over AMQP 0-9-1 as oslo.messaging's rabbit driver does for notifications: a topic
 * exchange named after the control exchange, and for each routing key ({@code notifications.info}) a queue of
 * that name bound to it, so notifications wait for consumers such as Ceilometer. One thread uses it.
 */
final class RabbitTransport implements AutoCloseable {
    private static final AMQP.BasicProperties JSON = new AMQP.BasicProperties.Builder()
            .contentType("application/json").contentEncoding("utf-8").deliveryMode(2).build();

    private final ConnectionFactory factory;
    private final List<Address> addresses;
    private final String exchange;
    private final boolean durable;
    private final Set<String> declared = new HashSet<>();
    private Connection connection;
    private Channel channel;

    /** @param url oslo's transport_url: rabbit://user:password@host:port[,user:password@host:port]/vhost */
    RabbitTransport(String url, String exchange, boolean durable) {
        this.exchange = exchange;
        this.durable = durable;
        factory = new ConnectionFactory();
        factory.setConnectionTimeout(5000);
        factory.setAutomaticRecoveryEnabled(false);
        int scheme = url.indexOf("://");
        if (scheme < 0 || !List.of("rabbit", "amqp").contains(url.substring(0, scheme))) {
            throw new IllegalArgumentException("transport_url must start with rabbit:// (or amqp://)");
        }
        String rest = url.substring(scheme + 3);
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        int slash = rest.indexOf('/');
        String vhost = slash < 0 ? "" : decode(rest.substring(slash + 1));
        factory.setVirtualHost(vhost.isEmpty() ? "/" : vhost);
        addresses = new ArrayList<>();
        for (String host : (slash < 0 ? rest : rest.substring(0, slash)).split(",")) {
            int at = host.lastIndexOf('@');
            if (at >= 0) {
                String credentials = host.substring(0, at);
                int colon = credentials.indexOf(':');
                factory.setUsername(decode(colon < 0 ? credentials : credentials.substring(0, colon)));
                if (colon >= 0) {
                    factory.setPassword(decode(credentials.substring(colon + 1)));
                }
                host = host.substring(at + 1);
            }
            addresses.add(Address.parseAddress(host.isEmpty() ? "localhost" : host));
        }
    }

    /** Where it publishes, without credentials, for the logs. */
    String describe() {
        return "amqp://" + addresses + factory.getVirtualHost() + " exchange " + exchange;
    }

    void publish(String routingKey, String body) throws IOException, TimeoutException {
        if (channel == null || !channel.isOpen()) {
            close();
            connection = factory.newConnection(addresses, "glance-notifications");
            channel = connection.createChannel();
            channel.exchangeDeclare(exchange, "topic", durable, false, null);
        }
        if (declared.add(routingKey)) {
            channel.queueDeclare(routingKey, durable, false, false, null);
            channel.queueBind(routingKey, exchange, routingKey);
        }
        channel.basicPublish(exchange, routingKey, JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        declared.clear();
        try {
            if (connection != null && connection.isOpen()) {
                connection.close(2000);
            }
        } catch (IOException | RuntimeException e) {
            // going away anyway
        }
        connection = null;
        channel = null;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
