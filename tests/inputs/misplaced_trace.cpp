// A trace placed after the line that computed its value: the JSON check refuses it.
const Matrix& z = affine(a, layer, buffer);
traced(trace, Eq::weighted_input, l, z, {a, layer.W});
