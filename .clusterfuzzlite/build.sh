#!/bin/bash -eu
# Builds each native fuzz target of pcq as a libFuzzer binary with
# go-118-fuzz-build (compile_native_go_fuzzer), for ClusterFuzzLite or
# OSS-Fuzz, and zips each target's testdata/fuzz seeds as its seed corpus
# (libFuzzer ignores f.Add). Untried: it needs the base-builder-go image.
#
# go-118-fuzz-build compiles a package without its _test.go files
# (github.com/AdamKorcz/go-118-fuzz-build/issues/2): the test files of the
# target's package (package clause without _test) are renamed to
# *_test_fuzz.go first, as the projects using it do. The image is
# throw-away, so the renaming is never seen by the repository.

go install github.com/AdamKorcz/go-118-fuzz-build@latest
go get github.com/AdamKorcz/go-118-fuzz-build/testing@latest

# package-dir FuzzTarget. Only targets declared in a package's own test
# files can be built so; those of an external test package (package
# fuzz_test: FuzzLocked, FuzzChan, FuzzRing, FuzzLinked, FuzzLIFO,
# FuzzPriority, FuzzJoin, FuzzSentinelShutdown, FuzzSchedulesRing;
# package linearizability_test: FuzzDifferential) cannot be until they move
# into the package itself.
TARGETS="
history FuzzRead
history FuzzScanLine
history FuzzReadJepsen
internal/scenario FuzzDecode
linearizability/internal/prio FuzzPriorityDifferential
"

renamed=""
echo "$TARGETS" | while read -r dir target; do
  [ -n "$dir" ] || continue
  case " $renamed " in
    *" $dir "*) ;;
    *)
      for f in "$dir"/*_test.go; do
        if ! grep -q '^package .*_test$' "$f"; then mv "$f" "${f%_test.go}_test_fuzz.go"; fi
      done
      renamed="$renamed $dir"
      ;;
  esac
  # go-118-fuzz-build's main is built in the current directory: an
  # internal package below a directory (linearizability/internal/prio) is
  # importable only from that directory.
  from="${dir%%/internal/*}"
  if [ "$from" = "$dir" ]; then from=.; fi
  (cd "$from" && compile_native_go_fuzzer "github.com/pcqkit/pcq/$dir" "$target" "$target")
  if [ -d "$dir/testdata/fuzz/$target" ]; then
    (cd "$dir/testdata/fuzz/$target" && zip -q "$OUT/${target}_seed_corpus.zip" ./*)
  fi
done
