package cn.referral.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Kills and restarts a service of a stack on this machine. Without hooks, the process is the one that listens on
 * the service's port (found through /proc, so a same-named jar of another stack is never touched); it is
 * restarted with the command line, environment, working directory and log file it had, and run-local's pid file
 * is updated so {@code deploy/run-local stop} still stops it. {@code BENCH_KILL_CMD} / {@code BENCH_RESTART_CMD}
 * (shell commands, {@code %s} = service name) replace both, e.g. for compose:
 * {@code docker compose kill -s KILL %s} and {@code docker compose start %s}.
 */
final class Processes {

    record Launch(long pid, List<String> command, Map<String, String> environment, Path directory, Path log) {
    }

    private Processes() {
    }

    /** What is needed to start the process again, read before killing it. */
    static Launch listenerOf(int port) throws IOException {
        long inode = listeningInode(port);
        if (inode < 0) {
            throw new IOException("nothing listens on 127.0.0.1:" + port);
        }
        try (Stream<Path> processes = processes()) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                if (holdsSocket(process, inode)) {
                    long pid = Long.parseLong(process.getFileName().toString());
                    List<String> command = commandOf(process);
                    Map<String, String> environment = new java.util.LinkedHashMap<>();
                    for (String entry : Files.readString(process.resolve("environ"), StandardCharsets.UTF_8).split("\0")) {
                        int eq = entry.indexOf('=');
                        if (eq > 0) {
                            environment.put(entry.substring(0, eq), entry.substring(eq + 1));
                        }
                    }
                    Path directory = Files.readSymbolicLink(process.resolve("cwd"));
                    Path out = Files.readSymbolicLink(process.resolve("fd/1"));
                    Path log = out.isAbsolute() && Files.isRegularFile(out) ? out : null;
                    return new Launch(pid, command, environment, directory, log);
                }
            }
        }
        throw new IOException("no process of this user holds the listening socket of port " + port);
    }

    /**
     * How many processes run the same jar as {@code launch}, itself included: the service's replicas on this
     * machine (run-local's {@code REPLICAS}).
     */
    static int replicasOf(Launch launch) throws IOException {
        String jar = jarOf(launch.command());
        if (jar == null) {
            return 1;
        }
        int replicas = 0;
        try (Stream<Path> processes = processes()) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                try {
                    if (jar.equals(jarOf(commandOf(process)))) {
                        replicas++;
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        }
        return Math.max(replicas, 1);
    }

    /** The directories of /proc that are processes. */
    private static Stream<Path> processes() throws IOException {
        return Files.list(Path.of("/proc")).filter(p -> p.getFileName().toString().matches("\\d+"));
    }

    private static List<String> commandOf(Path process) throws IOException {
        return Arrays.asList(Files.readString(process.resolve("cmdline"), StandardCharsets.UTF_8).split("\0"));
    }

    /** The jar a {@code java -jar} command line runs; null for any other command. */
    private static String jarOf(List<String> command) {
        int at = command.indexOf("-jar");
        return at >= 0 && at + 1 < command.size() ? command.get(at + 1) : null;
    }

    static void kill(Launch launch) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(launch.pid())).inheritIO().start();
        kill.waitFor();
        ProcessHandle.of(launch.pid()).ifPresent(handle -> handle.onExit().join());
    }

    /** Starts it again in a session of its own (a Ctrl-C of the bench does not reach it). Returns the new pid. */
    static long restart(Launch launch, String name) throws IOException {
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(launch.command());
        ProcessBuilder builder = new ProcessBuilder(command).directory(launch.directory().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(launch.environment());
        if (launch.log() != null) {
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(launch.log().toFile()));
        } else {
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        long pid = builder.start().pid();
        Path pidFile = launch.directory().resolve("run").resolve(name + ".pid");
        if (Files.isRegularFile(pidFile) && Files.readString(pidFile).trim().equals(Long.toString(launch.pid()))) {
            Files.writeString(pidFile, pid + "\n");
        }
        return pid;
    }

    static void shell(String command) throws IOException, InterruptedException {
        int code = new ProcessBuilder("bash", "-c", command).inheritIO().start().waitFor();
        if (code != 0) {
            throw new IOException("'" + command + "' exited with " + code);
        }
    }

    private static long listeningInode(int port) throws IOException {
        String hexPort = String.format("%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            List<String> lines = Files.readAllLines(path);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && fields[1].endsWith(":" + hexPort) && fields[3].equals("0A")) {
                    return Long.parseLong(fields[9]);
                }
            }
        }
        return -1;
    }

    private static boolean holdsSocket(Path process, long inode) {
        String wanted = "socket:[" + inode + "]";
        try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(wanted);
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
