package cn.referral.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port helpers: a clear message for a taken port, and free ports for tests. */
public final class Ports {

    private Ports() {
    }

    /** Thrown when a port the stack needs is already taken. */
    public static final class PortInUseException extends IllegalStateException {
        PortInUseException(String message) {
            super(message);
        }
    }

    static void requireFree(String what, int port, String variable) {
        if (!isFree(port)) {
            throw new PortInUseException(what + " port 127.0.0.1:" + port + " is already in use (set " + variable
                    + " to use another port, or stop what is listening there)");
        }
    }

    /** Whether 127.0.0.1:port can be bound right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that was free on 127.0.0.1 a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
