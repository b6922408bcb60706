package lassi.glow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tensor.GradCheck;
import tensor.Grad;
import tensor.Shape;
import tensor.Tensor;
import tensor.random.Rng;

class ZeroConv2dTest {
    @Test void startsAsTheZeroMapAndKeepsTheSpatialSize() {
        ZeroConv2d conv = new ZeroConv2d(3, 5);
        Tensor y = conv.forward(Tensor.randn(new Rng(1), 2, 3, 4, 6));
        assertThat(y.shape().dims()).containsExactly(2, 5, 4, 6);
        for (float v : y.data()) assertThat(v).isZero();
    }

    @Test void padsWithOnesAndScalesByExpThreeScale() {
        // weight all 1, bias 0, scale = ln(2)/3 → factor 2: on a zero input the output counts the
        // padded (value 1) neighbours of each pixel: 5 at a corner, 3 on an edge, 0 inside.
        ZeroConv2d conv = new ZeroConv2d(1, 1);
        conv.loadStateDict(Map.of("conv.weight", Tensor.full(Shape.of(1, 1, 3, 3), 1f), "conv.bias", Tensor.zeros(1),
                "scale", Tensor.full(Shape.of(1, 1, 1, 1), (float) (Math.log(2) / 3))));
        Tensor y;
        try (var scope = Grad.disabled()) {
            y = conv.forward(Tensor.zeros(1, 1, 3, 3));
        }
        float[] expected = {10, 6, 10, 6, 0, 6, 10, 6, 10};
        for (int i = 0; i < 9; i++) assertThat(y.data()[i]).as("pixel %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test void gradientsMatchFiniteDifferences() {
        Rng rng = new Rng(2);
        ZeroConv2d conv = new ZeroConv2d(2, 3);
        for (Tensor p : conv.parameters()) FlowChecks.addNoise(p, rng, 0.3f);
        List<Tensor> inputs = new ArrayList<>(List.of(Tensor.randn(rng, 2, 2, 3, 3)));
        inputs.addAll(conv.parameters());
        GradCheck.assertElementwise(in -> conv.forward(in.get(0)), inputs, rng, FlowChecks.EPS, FlowChecks.ATOL, FlowChecks.RTOL);
    }
}
