package dev.stackpulse.catalog.upstream;

import dev.stackpulse.web.Problem;
import dev.stackpulse.web.ProblemException;
import dev.stackpulse.web.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/** A zip archive of an upstream directory, unpacked to a temporary directory that {@link #close()} removes. */
final class UploadedArchive implements AutoCloseable {

    private static final int MAX_ENTRIES = 20_000;
    private static final long MAX_UNPACKED_BYTES = 256L << 20;

    private final Path root;

    private UploadedArchive(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Unpacks, refusing entries outside the archive's root, too many entries or too many bytes (a zip bomb). */
    static UploadedArchive unpack(InputStream body) {
        Path root;
        try {
            root = Files.createTempDirectory("stackpulse-import");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UploadedArchive archive = new UploadedArchive(root);
        try (ZipInputStream zip = new ZipInputStream(body)) {
            int entries = 0;
            long bytes = 0;
            boolean any = false;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                any = true;
                if (++entries > MAX_ENTRIES) {
                    throw refused("more than " + MAX_ENTRIES + " entries");
                }
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root) || entry.getName().contains("\\")) {
                    throw refused("entry '" + entry.getName() + "' points outside the archive");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                bytes += copy(zip, target, MAX_UNPACKED_BYTES - bytes);
            }
            if (!any) {
                throw refused("not a zip archive, or an empty one");
            }
            return archive;
        } catch (ZipException e) {
            archive.close();
            throw refused("not a valid zip archive: " + e.getMessage());
        } catch (IOException e) {
            archive.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            archive.close();
            throw e;
        }
    }

    private static long copy(InputStream in, Path target, long budget) throws IOException {
        long written = 0;
        byte[] buffer = new byte[8192];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                written += n;
                if (written > budget) {
                    throw refused("unpacks to more than " + (MAX_UNPACKED_BYTES >> 20) + " MiB");
                }
                out.write(buffer, 0, n);
            }
        }
        return written;
    }

    private static ProblemException refused(String reason) {
        return new ProblemException(ProblemType.INVALID_BODY, "body: " + reason,
                List.of(new Problem.FieldError("body", reason)));
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless
        }
    }
}
