package lassi.data;

/**
 * Image preprocessing of spec §2.1, shared by every dataset (and by Glow training): RGB in [0, 1]
 * as {@code v/255}, resize so the shorter side is S (bilinear), center crop to S×S, quantise to
 * {@link #N_BITS} bits: {@code q = floor(255·v / 2^(8−nBits))}, {@code x = q / 2^nBits − 0.5}.
 * Values lie on the grid {−0.5, −0.46875, …, 0.46875}. No dequantisation noise here (§2.1 step 5).
 *
 * <p>The arithmetic is float32 in the order of glow-pytorch's preprocess, so an 8-bit pixel b
 * without resizing lands exactly in bin {@code b >> 3}.
 */
public final class Preprocess {
    /** Bits kept per channel (MUST be 5, spec §2.1 and §10.1). */
    public static final int N_BITS = 5;
    /** Number of quantisation bins, 2^N_BITS. */
    public static final int N_BINS = 1 << N_BITS;

    private Preprocess() {}

    /** Quantises one channel value v ∈ [0, 1] to the [−0.5, 0.5) grid. */
    public static float quantise(float v) {
        float q = (float) Math.floor(v * 255f / (1 << (8 - N_BITS)));
        return q / N_BINS - 0.5f;
    }

    /**
     * Quantised CHW floats of an S×S×3 HWC uint8 image (no resize needed), written to
     * {@code out[outOffset .. outOffset + 3·S·S)}.
     */
    public static void fromHwcBytes(byte[] hwc, int hwcOffset, int size, float[] out, int outOffset) {
        int plane = size * size;
        for (int p = 0; p < plane; p++)
            for (int c = 0; c < 3; c++)
                out[outOffset + c * plane + p] = quantise((hwc[hwcOffset + p * 3 + c] & 0xFF) / 255f);
    }

    /**
     * Resize (shorter side → S, long side floor(S·long/short)), center crop with offsets
     * {@code rint((size − S)/2)} and quantisation of a [3, H, W] image with values in [0, 1],
     * written as [3, S, S] to {@code out[outOffset ..]}.
     */
    public static void resizeCropQuantise(float[] chw, int height, int width, int size, float[] out, int outOffset) {
        float[] cropped = resizeCrop(chw, height, width, size);
        for (int i = 0; i < cropped.length; i++) out[outOffset + i] = quantise(cropped[i]);
    }

    /** Steps 2–3 of §2.1 on a [3, H, W] image: resize the shorter side to S, center crop; [3, S, S]. */
    static float[] resizeCrop(float[] chw, int height, int width, int size) {
        int newH, newW;
        if (height <= width) {
            newH = size;
            newW = (int) Math.floor((double) size * width / height);
        } else {
            newW = size;
            newH = (int) Math.floor((double) size * height / width);
        }
        float[] resized = resizeBilinear(chw, height, width, newH, newW);
        int top = (int) Math.rint((newH - size) / 2.0), left = (int) Math.rint((newW - size) / 2.0);
        float[] out = new float[3 * size * size];
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < size; y++)
                System.arraycopy(resized, (c * newH + top + y) * newW + left, out, (c * size + y) * size, size);
        return out;
    }

    /**
     * Bilinear resize of a [3, H, W] image without antialiasing, with half-pixel centres
     * (PyTorch's interpolate, align_corners = false, as torchvision 0.8 resizes tensors; equal
     * to it within float32 rounding, not bit for bit):
     * {@code src = (dst + 0.5)·in/out − 0.5}, clamped below at 0; the upper neighbour is clamped
     * to the last row/column.
     */
    static float[] resizeBilinear(float[] chw, int height, int width, int newH, int newW) {
        float[] out = new float[3 * newH * newW];
        float scaleY = (float) height / newH, scaleX = (float) width / newW;
        for (int y = 0; y < newH; y++) {
            float sy = Math.max(0f, (y + 0.5f) * scaleY - 0.5f);
            int y0 = (int) sy, y1 = Math.min(y0 + 1, height - 1);
            float ly = sy - y0;
            for (int x = 0; x < newW; x++) {
                float sx = Math.max(0f, (x + 0.5f) * scaleX - 0.5f);
                int x0 = (int) sx, x1 = Math.min(x0 + 1, width - 1);
                float lx = sx - x0;
                for (int c = 0; c < 3; c++) {
                    int base = c * height * width;
                    float top = (1 - lx) * chw[base + y0 * width + x0] + lx * chw[base + y0 * width + x1];
                    float bottom = (1 - lx) * chw[base + y1 * width + x0] + lx * chw[base + y1 * width + x1];
                    out[(c * newH + y) * newW + x] = (1 - ly) * top + ly * bottom;
                }
            }
        }
        return out;
    }
}
