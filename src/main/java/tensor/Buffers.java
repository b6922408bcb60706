package tensor;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reused float arrays for gradients and backward temporaries. A training step makes the same
 * large gradient buffers every time; taking them from here instead of the heap spares the
 * garbage collector most of a step's allocation (an M32 Glow step allocated ~0.9 GB, and the
 * pauses to copy it made step times vary by a factor of three).
 *
 * <p>Only arrays that nothing else refers to may be given back: {@link Tensor#backward()} gives
 * back the gradient of each intermediate result once its own backward has run (PyTorch keeps no
 * gradient for non-leaf tensors either), and ops give back the temporaries of their backward.
 * Arrays of fewer than {@link #MIN_LENGTH} floats are not kept (the heap makes those cheaply),
 * and at most {@link #CAPACITY} floats are kept in all; what does not fit is left to the
 * collector. Results never depend on reuse: {@link #zeroed} fills with zeros, and
 * {@link #uninitialized} is only for arrays the caller overwrites whole.
 */
public final class Buffers {
    static final int MIN_LENGTH = 4096;
    /** An eighth of the heap. */
    static final long CAPACITY = Runtime.getRuntime().maxMemory() / 8 / Float.BYTES;

    private static final Map<Integer, ArrayDeque<float[]>> FREE = new HashMap<>();
    private static long held;                     // floats in FREE

    private Buffers() {}

    /** An array of {@code length} zeros. */
    public static float[] zeroed(int length) {
        float[] b = take(length);
        if (b == null) return new float[length];
        Arrays.fill(b, 0f);
        return b;
    }

    /** An array of {@code length} floats with arbitrary contents, for a caller that overwrites all of them. */
    public static float[] uninitialized(int length) {
        float[] b = take(length);
        return b == null ? new float[length] : b;
    }

    /** Keeps {@code buffer} for reuse; the caller and everything else must be done with it. */
    public static synchronized void giveBack(float[] buffer) {
        if (buffer.length < MIN_LENGTH || held + buffer.length > CAPACITY) return;
        FREE.computeIfAbsent(buffer.length, n -> new ArrayDeque<>()).push(buffer);
        held += buffer.length;
    }

    private static synchronized float[] take(int length) {
        ArrayDeque<float[]> free = length < MIN_LENGTH ? null : FREE.get(length);
        if (free == null || free.isEmpty()) return null;
        held -= length;
        return free.pop();
    }
}
