// The ids of the equation registry. The math names the equation each matrix
// comes from by its id; how the equation is numbered and written (the registry,
// bpw/equations.hpp) belongs to the display layer.
#pragma once

namespace bpw {

enum class Eq {
  // Given quantities: traced, but not computed, so they carry no number.
  X, y, W, b,
  // Chapter 1: the forward pass
  weighted_input, activation,
  // Chapter 2: the cost
  output_error, total_cost, sse_sample_cost, mse_sample_cost,
  bce_sample_cost, softmax_ce_sample_cost, l2_cost, l2_cost_mean,
  // Chapter 3: the output delta
  output_delta, sse_gradient, mse_gradient,
  sigmoid_derivative, tanh_derivative, relu_derivative, identity_derivative,
  bce_gradient, softmax_ce_gradient, softmax_delta, simplified_delta,
  // Chapter 4: the hidden deltas
  activation_gradient, hidden_delta, proportional_error, backpropagated_error,
  // Chapter 5: the gradients
  weight_gradient, bias_gradient, l2_weight_gradient, l2_weight_gradient_mean, bias_gradient_mean,
  // Chapter 6: the update
  weight_step, weight_update, bias_step, bias_update, momentum_velocity, momentum_update,
  cost_after_step,
  // Chapter 7: the gradient check
  numerical_weight_gradient, numerical_bias_gradient, relative_error, norm_ratio,
  broken_derivative,
  // Chapter 8: training
  minibatch_gradient, accuracy,
  // Chapter 9: L-BFGS
  lbfgs_step, gradient_norm,
  // Chapter 10: overfitting
  test_cost,
};

}  // namespace bpw
