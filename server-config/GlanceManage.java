import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * glance-manage for this service: each command calls an admin operation of the running server over JMX
 * (run with {@code java GlanceManage.java ...}; see glance-manage.sh).
 */
public class GlanceManage {

    public static void main(String[] args) throws Exception {
        List<String> words = new ArrayList<>(List.of(args));
        String address = System.getenv().getOrDefault("GLANCE_JMX", "127.0.0.1:9010");
        int jmx = words.indexOf("--jmx");
        if (jmx >= 0 && jmx + 1 < words.size()) {
            address = words.get(jmx + 1);
            words.subList(jmx, jmx + 2).clear();
        }
        if (!words.isEmpty() && words.get(0).startsWith("db_")) {
            // Glance accepts "db_load_metadefs" as well as "db load_metadefs".
            words.set(0, words.get(0).substring(3));
            words.add(0, "db");
        }
        if (words.size() < 2 || !words.get(0).equals("db")) {
            usage();
            return;
        }
        String path = option(words, "--path");
        boolean merge = words.contains("--merge");
        boolean preferNew = words.contains("--prefer_new");
        boolean overwrite = words.contains("--overwrite");
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://" + address + "/jmxrmi"))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName metadefs = new ObjectName("org.glancejee:type=Metadefs");
            Object result = switch (words.get(1)) {
                case "load_metadefs" -> path == null
                        ? server.invoke(metadefs, "loadShipped", new Object[] {merge, preferNew, overwrite},
                                new String[] {"boolean", "boolean", "boolean"})
                        : server.invoke(metadefs, "load", new Object[] {absolute(path), merge, preferNew, overwrite},
                                new String[] {String.class.getName(), "boolean", "boolean", "boolean"});
                case "export_metadefs" -> {
                    if (path == null) {
                        throw new IllegalArgumentException("export_metadefs needs --path DIR");
                    }
                    yield server.invoke(metadefs, "export", new Object[] {absolute(path)},
                            new String[] {String.class.getName()});
                }
                case "unload_metadefs" -> server.invoke(metadefs, "unload", new Object[0], new String[0])
                        + " namespaces deleted";
                case "purge" -> server.invoke(new ObjectName("org.glancejee:type=Job,name=\"db_purge\""), "runNow",
                        new Object[0], new String[0]) + " rows purged";
                default -> null;
            };
            if (result == null) {
                usage();
            } else {
                System.out.println(result);
            }
        }
    }

    private static String option(List<String> words, String name) {
        int at = words.indexOf(name);
        return at >= 0 && at + 1 < words.size() ? words.get(at + 1) : null;
    }

    private static String absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize().toString();
    }

    private static void usage() {
        System.err.println("usage: glance-manage.sh [--jmx HOST:PORT] db load_metadefs [--path P] [--merge]"
                + " [--prefer_new] [--overwrite] | db export_metadefs --path DIR | db unload_metadefs | db purge");
        System.exit(2);
    }
}
