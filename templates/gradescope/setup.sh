#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder's image. The zip it came in
# (make gradescope) is unpacked in /autograder/source: the grader runs from there.
set -euo pipefail

if ! python3 -m pip --version >/dev/null 2>&1; then
    apt-get update && apt-get install -y python3 python3-pip
fi

pip_install() {   # newer Ubuntu images mark the system Python as externally managed
    python3 -m pip install --no-cache-dir "$@" \
        || python3 -m pip install --no-cache-dir --break-system-packages "$@"
}
# torch's CPU build: Gradescope has no GPU, and the CUDA build is gigabytes
pip_install --index-url https://download.pytorch.org/whl/cpu "torch>=2.1"
pip_install "numpy>=1.24" "pytest>=7.4" "pytest-timeout>=2.1" nbformat

# fail the image build now, not at the first submission, if the grader cannot load
cd /autograder/source && python3 -c "import grader.cli, torch; print('grader ready, torch', torch.__version__)"
