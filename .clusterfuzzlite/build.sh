#!/bin/bash -eu
# Builds every target of .clusterfuzzlite/targets as a libFuzzer binary in
# $OUT, with its seed corpus $OUT/<Target>_seed_corpus.zip (the target's
# testdata/fuzz turned into libFuzzer inputs: libFuzzer ignores f.Add). Run
# by ClusterFuzzLite (or OSS-Fuzz) in the base-builder-go image, which sets
# $SRC, $OUT, $WORK, $CXX, $CXXFLAGS and $LIB_FUZZING_ENGINE; .ci/libfuzzer
# runs it on this machine with clang. It builds as compile_native_go_fuzzer
# does, without its grep for the target's file (FuzzRead would find
# FuzzReadJepsen's too); for a coverage build it hands over to
# compile_native_go_fuzzer.
set -euo pipefail
cd "$SRC/pcq"
source .clusterfuzzlite/lib.sh

install_go118_fuzz_build
export_seeds "$WORK/seeds" "${FUZZ_TARGETS:-.}"

for dir in $(fuzz_targets "${FUZZ_TARGETS:-.}" | awk '{print $1}' | sort -u); do
  expose_test_files "$dir"
done
fuzz_targets "${FUZZ_TARGETS:-.}" | while read -r dir target; do
  echo "== $dir $target"
  if [ "${SANITIZER:-}" = coverage ]; then
    compile_native_go_fuzzer "github.com/pcqkit/pcq/$dir" "$target" "$target"
  else
    build_target "$dir" "$target"
  fi
  rm -f "$OUT/${target}_seed_corpus.zip"
  if compgen -G "$WORK/seeds/$target/*" > /dev/null; then
    (cd "$WORK/seeds/$target" && zip -q "$OUT/${target}_seed_corpus.zip" ./*)
  fi
done
