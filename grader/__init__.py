"""An auto-grader for PyTorch exercises: hidden pytest suites run against a
submission whose code executes in a separate, restricted worker process."""
