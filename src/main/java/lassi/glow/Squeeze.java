package lassi.glow;

import tensor.Tensor;
import tensor.ops.Permute;
import tensor.ops.Reshape;

/**
 * Squeeze (§3.1, MUST keep the order): [N, C, H, W] → [N, 4C, H/2, W/2] with
 * out[n, 4c + 2·dy + dx, i, j] = in[n, c, 2i + dy, 2j + dx], so each input channel becomes four
 * consecutive channels (top-left, top-right, bottom-left, bottom-right). Unsqueeze is its inverse.
 * Both are reshape–permute–reshape, hence differentiable.
 */
final class Squeeze {
    private Squeeze() {}

    static Tensor squeeze(Tensor x) {                              // [N, C, H, W]
        if (x.rank() != 4 || x.dim(2) % 2 != 0 || x.dim(3) % 2 != 0)
            throw new IllegalArgumentException("squeeze needs [N, C, H, W] with even H and W, got " + x.shape());
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), w = x.dim(3);
        Tensor blocks = Reshape.apply(x, n, c, h / 2, 2, w / 2, 2);                 // [n, c, i, dy, j, dx]
        return Reshape.apply(Permute.apply(blocks, 0, 1, 3, 5, 2, 4), n, 4 * c, h / 2, w / 2);
    }

    static Tensor unsqueeze(Tensor x) {                            // [N, 4C, H, W]
        if (x.rank() != 4 || x.dim(1) % 4 != 0)
            throw new IllegalArgumentException("unsqueeze needs [N, C, H, W] with C divisible by 4, got " + x.shape());
        int n = x.dim(0), c = x.dim(1) / 4, h = x.dim(2), w = x.dim(3);
        Tensor blocks = Reshape.apply(x, n, c, 2, 2, h, w);                         // [n, c, dy, dx, i, j]
        return Reshape.apply(Permute.apply(blocks, 0, 1, 4, 2, 5, 3), n, c, 2 * h, 2 * w);
    }
}
