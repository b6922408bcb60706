package lassi.data;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lassi.BadInput;

/**
 * Reads rows (slices along dimension 0) of an HDF5 dataset as raw element bytes in C order,
 * without loading the dataset whole. Contiguous datasets are read straight from the file at the
 * data address (jHDF's slice API is slow, TOOLCHAIN.md); chunked ones (gzip, shuffle, ...) chunk
 * by chunk through jHDF's decompression, keeping the chunks of the current chunk row.
 */
abstract class Hdf5Rows {
    final Path file;
    final String name;
    final int[] dims;             // dataset dimensions, rank ≥ 2
    final int elementSize;        // bytes per element
    final long rowBytes;

    private Hdf5Rows(Path file, Dataset dataset, int elementSize) {
        this.file = file;
        this.name = dataset.getName();
        this.dims = dataset.getDimensions();
        this.elementSize = elementSize;
        long row = elementSize;
        for (int k = 1; k < dims.length; k++) row *= dims[k];
        this.rowBytes = row;
    }

    /** Row access to {@code dataset} of {@code file} (opened as {@code channel}, {@code fileSize} bytes). */
    static Hdf5Rows of(Path file, FileChannel channel, long fileSize, Dataset dataset, int elementSize) {
        if (dataset instanceof ContiguousDataset contiguous)
            return new Contiguous(file, channel, fileSize, contiguous, elementSize);
        if (dataset instanceof ChunkedDataset chunked) return new Chunked(file, chunked, elementSize);
        throw new BadInput(file + ": dataset '" + dataset.getName() + "' has layout " + dataset.getDataLayout()
                + ", expected a contiguous or chunked dataset");
    }

    /** Number of rows. */
    int rows() { return dims[0]; }

    /** Copies rows [from, to) into {@code out[offset ..]}, C order, {@link #rowBytes} per row. */
    abstract void read(int from, int to, byte[] out, int offset);

    /** The storage layout in words, e.g. "contiguous" or "chunked [4, 8, 8, 3], gzip". */
    abstract String layout();

    void requireRows(int from, int to) {
        if (from < 0 || to > dims[0] || from > to)
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of dataset '" + name + "' with " + dims[0] + " rows");
    }

    private static final class Contiguous extends Hdf5Rows {
        private final FileChannel channel;
        private final long address;

        Contiguous(Path file, FileChannel channel, long fileSize, ContiguousDataset dataset, int elementSize) {
            super(file, dataset, elementSize);
            this.channel = channel;
            this.address = dataset.getDataAddress();
            long end = address + rowBytes * dims[0];
            if (address < 0 || end > fileSize)
                throw new BadInput(file + " is truncated: dataset '" + name + "' needs bytes up to " + end
                        + " but the file has " + fileSize + " bytes");
        }

        @Override void read(int from, int to, byte[] out, int offset) {
            requireRows(from, to);
            ByteBuffer target = ByteBuffer.wrap(out, offset, Math.toIntExact(rowBytes * (to - from)));
            long position = address + rowBytes * from;
            try {
                while (target.hasRemaining()) {
                    int n = channel.read(target, position);
                    if (n < 0) throw new BadInput(file + " is truncated: end of file inside dataset '" + name + "'");
                    position += n;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot read dataset '" + name + "'", e);
            }
        }

        @Override String layout() { return "contiguous"; }
    }

    private static final class Chunked extends Hdf5Rows {
        private final ChunkedDataset dataset;
        private final int[] chunk;                           // chunk dimensions
        private final Map<List<Integer>, byte[]> cache = new HashMap<>();
        private int cachedChunkRow = -1;

        Chunked(Path file, ChunkedDataset dataset, int elementSize) {
            super(file, dataset, elementSize);
            this.dataset = dataset;
            this.chunk = Arrays.copyOf(dataset.getChunkDimensions(), dims.length);
        }

        @Override synchronized void read(int from, int to, byte[] out, int offset) {
            requireRows(from, to);
            int rank = dims.length;
            for (int c0 = from / chunk[0] * chunk[0]; c0 < to; c0 += chunk[0]) {
                int[] origin = new int[rank];                // chunk origin in element coordinates
                origin[0] = c0;
                do {
                    copy(chunkAt(origin), origin, from, to, out, offset);
                } while (nextChunk(origin));
            }
        }

        /** Advances origin over the chunk grid of dimensions 1..rank−1; false when done. */
        private boolean nextChunk(int[] origin) {
            for (int k = dims.length - 1; k >= 1; k--) {
                origin[k] += chunk[k];
                if (origin[k] < dims[k]) return true;
                origin[k] = 0;
            }
            return false;
        }

        /** Copies the part of one chunk that falls in rows [from, to) into the output rows. */
        private void copy(byte[] data, int[] origin, int from, int to, byte[] out, int offset) {
            int rank = dims.length;
            int[] extent = new int[rank];                    // the chunk's extent inside the dataset
            for (int k = 0; k < rank; k++) extent[k] = Math.min(chunk[k], dims[k] - origin[k]);
            int run = extent[rank - 1] * elementSize;        // contiguous bytes along the last dimension
            int[] i = new int[rank];                         // position inside the chunk
            i[0] = Math.max(from, origin[0]) - origin[0];
            int lastRow = Math.min(to, origin[0] + extent[0]) - origin[0];
            while (i[0] < lastRow) {
                long src = 0, dst = 0;
                for (int k = 0; k < rank; k++) {
                    src = src * chunk[k] + i[k];
                    dst = dst * dims[k] + (k == 0 ? origin[0] + i[0] - from : origin[k] + i[k]);
                }
                System.arraycopy(data, Math.toIntExact(src * elementSize), out, Math.toIntExact(offset + dst * elementSize), run);
                int k = rank - 2;                            // odometer over dims 0..rank−2
                while (k >= 0) {
                    if (++i[k] < (k == 0 ? lastRow : extent[k]) || k == 0) break;
                    i[k] = 0;
                    k--;
                }
            }
        }

        private byte[] chunkAt(int[] origin) {
            if (origin[0] != cachedChunkRow) {
                cache.clear();
                cachedChunkRow = origin[0];
            }
            return cache.computeIfAbsent(Arrays.stream(origin).boxed().collect(Collectors.toList()), key -> {
                try {
                    return dataset.getDecompressedChunk(origin.clone());
                } catch (RuntimeException e) {
                    throw new BadInput(file + ": cannot read chunk " + Arrays.toString(origin) + " of dataset '" + name
                            + "' (truncated or corrupt file: " + e.getMessage() + ")", e);
                }
            });
        }

        @Override String layout() {
            String filters = dataset.getFilters().stream().map(f -> f.getName()).collect(Collectors.joining(", "));
            return "chunked " + Arrays.toString(chunk) + (filters.isEmpty() ? "" : ", " + filters);
        }
    }
}
