package io.crosstrace.hub.resilience;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of a real server, for failures that really happen on the wire: {@link #cut()} closes
 * every open connection and stops listening, so new connections are refused, as when a database host goes away;
 * {@link #restore()} listens on the same port again. {@link #dropNextConnections(int)} accepts and at once closes
 * the next connections, a network that fails briefly.
 */
final class TcpProxy implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger toDrop = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile ServerSocket listener;

    TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        acceptOn(listener);
    }

    int port() {
        return port;
    }

    /** Connections accepted so far, dropped ones included. */
    int accepted() {
        return accepted.get();
    }

    synchronized void cut() throws IOException {
        ServerSocket current = listener;
        listener = null;
        if (current != null) {
            current.close();
        }
        for (Socket socket : open) {
            close(socket);
        }
        open.clear();
    }

    synchronized void restore() throws IOException {
        if (listener == null) {
            listener = listen(port);
            acceptOn(listener);
        }
    }

    void dropNextConnections(int count) {
        toDrop.set(count);
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void acceptOn(ServerSocket server) {
        Thread.ofVirtual().name("tcp-proxy-accept").start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    accepted.incrementAndGet();
                    if (toDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        close(client);
                        continue;
                    }
                    Socket upstream;
                    try {
                        upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    } catch (IOException e) {
                        close(client);
                        continue;
                    }
                    open.add(client);
                    open.add(upstream);
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException e) {
                    // Closed by cut(), or the target refused: the client sees its connection end.
                }
            }
        });
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().name("tcp-proxy-pipe").start(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // One side closed: close the other below.
            } finally {
                close(from);
                close(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }
}
