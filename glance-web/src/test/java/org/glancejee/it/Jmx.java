package org.glancejee.it;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

/**
 * A JMX client of a test server, as an operator with jconsole would be: the server's JVM opens the JDK's
 * own JMX agent on a loopback port ({@link #serverOptions}), and this connects to it.
 */
public final class Jmx implements AutoCloseable {
    private final JMXConnector connector;
    private final MBeanServerConnection connection;

    private Jmx(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.connection = connector.getMBeanServerConnection();
    }

    /** JVM flags that open an unauthenticated JMX port on 127.0.0.1 (tests only). */
    public static List<String> serverOptions(int port) {
        return List.of("-Dcom.sun.management.jmxremote.port=" + port, "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false");
    }

    public static Jmx connect(int port) throws IOException {
        return new Jmx(JMXConnectorFactory.connect(new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi")));
    }

    public Object attribute(String name, String attribute) throws Exception {
        return connection.getAttribute(new ObjectName(name), attribute);
    }

    public Object invoke(String name, String operation) throws Exception {
        return connection.invoke(new ObjectName(name), operation, new Object[0], new String[0]);
    }

    public Object invoke(String name, String operation, String argument) throws Exception {
        return connection.invoke(new ObjectName(name), operation, new Object[] {argument},
                new String[] {String.class.getName()});
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
